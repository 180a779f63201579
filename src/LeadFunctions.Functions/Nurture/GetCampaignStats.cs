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
public sealed class GetCampaignStats(ICampaignCatalog campaigns, ICampaignStats stats, TimeProvider time)
{
    /// <summary>Days of the chart, today (UTC) the last.</summary>
    public const int ChartDays = 30;

    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(id, cancellationToken) is not { } campaign)
        {
            return Problems.NotFound("The campaign");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var counts = stats.ReadAsync(campaign.Id, cancellationToken);
        var days = stats.DailyAsync(campaign.Id, today.AddDays(1 - ChartDays), today, cancellationToken);
        return TypedResults.Json(CampaignStatsView.From(campaign, await counts, await days), JsonDefaults.Options);
    }
}
