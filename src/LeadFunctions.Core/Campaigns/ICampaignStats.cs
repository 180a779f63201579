using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// Counters kept as sends and events happen (never by scanning enrollments). Callers add a delta only after the
/// write that made the change it counts succeeded, so a redelivered message counts nothing twice.
/// </summary>
public interface ICampaignStats
{
    Task AddAsync(IReadOnlyList<StatDelta> deltas, CancellationToken cancellationToken);

    Task<CampaignStats> ReadAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>The campaign's deliveries and spam reports counted over the day before <paramref name="now"/> (by the
    /// hour they were counted in).</summary>
    Task<(long Deliveries, long SpamReports)> LastDayAsync(
        string campaignId,
        DateTimeOffset now,
        CancellationToken cancellationToken
    );
}

/// <summary>The campaign's totals, each step's, and each A/B variant's (by step, then variant).</summary>
public sealed record CampaignStats(
    string CampaignId,
    IReadOnlyDictionary<CampaignMetric, long> Totals,
    IReadOnlyDictionary<string, IReadOnlyDictionary<CampaignMetric, long>> Steps,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<CampaignMetric, long>>> Variants
);
