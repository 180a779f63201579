using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// A campaign's results: its counters (totals, per step, per A/B variant) and its sends, opens and clicks per UTC day
/// for the last <see cref="ChartDays"/>, today the last. Two reads of its own stats partition, whatever the number of
/// leads: what the stats route answers and the workspace's results page shows.
/// </summary>
public sealed class CampaignResults(ICampaignCatalog campaigns, ICampaignStats stats, TimeProvider time)
{
    public const int ChartDays = 30;

    /// <summary>Null when there is no such campaign.</summary>
    public async Task<CampaignResult?> ReadAsync(string campaignId, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(campaignId, cancellationToken) is not { } campaign)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var counts = stats.ReadAsync(campaign.Id, cancellationToken);
        var days = stats.DailyAsync(campaign.Id, today.AddDays(1 - ChartDays), today, cancellationToken);
        return new CampaignResult(campaign, await counts, await days);
    }
}

public sealed record CampaignResult(Campaign Campaign, CampaignStats Stats, IReadOnlyList<DailyCounts> Days)
{
    /// <summary>The campaign's steps in order, then steps removed since that still have counts (by id).</summary>
    public IEnumerable<string> StepOrder =>
        Campaign
            .Steps.Select(s => s.Id)
            .Concat(Stats.Steps.Keys.Where(k => Campaign.Steps.All(s => s.Id != k)).Order(StringComparer.Ordinal));

    public IReadOnlyDictionary<CampaignMetric, long> Step(string stepId) =>
        Stats.Steps.GetValueOrDefault(stepId) ?? new Dictionary<CampaignMetric, long>();
}
