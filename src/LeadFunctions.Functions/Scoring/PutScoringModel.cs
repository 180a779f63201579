using System.Text.Json;
using LeadFunctions.Core.Scoring;
using LeadFunctions.Core.Text;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Scoring;

/// <summary>PUT /api/scoring-model (admin): validate and store; scores change as leads are next processed or rescored.</summary>
[HttpFunction(AuthorizationLevel.Admin, "put", Route = "scoring-model")]
public sealed class PutScoringModel(ScoringModelSource models)
{
    private const int MaxBodyBytes = 64 * 1024;
    private const int MaxJsonDepth = 16;

    /// <summary>A null where the model needs an object ("fit": null) is a JSON error, hence a 400 naming it.</summary>
    private static readonly JsonSerializerOptions ModelJson = new(JsonDefaults.Options) { RespectNullableAnnotations = true };

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (model, refusal) = await JsonBody.ReadAsync<ScoringModel>(
            request, MaxBodyBytes, MaxJsonDepth, ModelJson, "a scoring model", cancellationToken);
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
