using System.Text.Json;
using LeadFunctions.Core.Scoring;
using LeadFunctions.Core.Text;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Scoring;

/// <summary>GET /api/scoring-model: the model in force (the default until one is stored).</summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "get",
    Route = "scoring-model",
    Summary = "Read the scoring rules in force."
)]
public sealed class GetScoringModel(ScoringModelSource models)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken) =>
        TypedResults.Json((await models.GetScorerAsync(cancellationToken)).Model, JsonDefaults.Options);
}
