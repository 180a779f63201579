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
        + "reports, converted, uncertain."
)]
public sealed class GetCampaignStats(ICampaignCatalog campaigns, ICampaignStats stats)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(id, cancellationToken) is not { } campaign)
        {
            return Problems.NotFound("The campaign");
        }

        return TypedResults.Json(
            CampaignStatsView.From(campaign, await stats.ReadAsync(campaign.Id, cancellationToken)),
            JsonDefaults.Options
        );
    }
}
