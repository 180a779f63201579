using LeadFunctions.Core.Scoring;
using LeadFunctions.Core.Text;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Scoring;

/// <summary>PUT /api/scoring-model (admin): validate and store; scores change as leads are next processed or
/// rescored.</summary>
[HttpFunction(
    AuthorizationLevel.Admin,
    "put",
    Route = "scoring-model",
    Summary = "Replace the scoring rules; leads are rescored in the background.",
    BodyExample = """
        { "fit": { "jobTitle": [{ "keywords": ["director", "müdür"], "points": 15 }], "companySize": [{ "min": 50,
          "max": null, "points": 10 }],
                   "country": { "TR": 5 }, "businessEmail": 5, "freeMail": -5, "disposable": -20 },
          "engagement": { "events": { "webinar_attended": { "points": 15 }, "page_view": { "points": 1,
            "maxPerDay": 5 } }, "halfLifeDays": 30 },
          "grades": { "a": 60, "b": 40, "c": 20 }, "mqlThreshold": 50 }
        """
)]
public sealed class PutScoringModel(ScoringModelSource models)
{
    private const int MaxBodyBytes = 64 * 1024;
    private const int MaxJsonDepth = 16;

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (model, refusal) = await JsonBody.ReadAsync<ScoringModel>(
            request,
            MaxBodyBytes,
            MaxJsonDepth,
            ScoringModelJson.Options,
            "a scoring model",
            cancellationToken
        );
        if (model is null)
        {
            return refusal!;
        }

        var errors = ScoringModelValidator.Validate(model);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        await models.SaveAsync(model, cancellationToken);
        return TypedResults.Json(model, JsonDefaults.Options);
    }
}
