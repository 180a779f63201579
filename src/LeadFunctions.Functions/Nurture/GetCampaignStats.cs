using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Text;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Nurture;

/// <summary>GET /api/campaigns/{id}/stats: counters kept as sends and SendGrid events happen, read from one
/// partition.</summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "get",
    Route = "campaigns/{id}/stats",
    Summary = "Per campaign and step: enrolled, sent, delivered, opened, clicked, bounced, unsubscribed, spam "
        + "reports, converted, uncertain, failed, missed; per A/B variant and branch; sends, opens and clicks per "
        + "UTC day for the last 30 days."
)]
public sealed class GetCampaignStats(CampaignResults results)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        await results.ReadAsync(id, cancellationToken) is { } result
            ? TypedResults.Json(CampaignStatsView.From(result), JsonDefaults.Options)
            : Problems.NotFound("The campaign");
}
