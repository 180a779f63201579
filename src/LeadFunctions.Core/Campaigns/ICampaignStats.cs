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

    /// <summary>The campaign's sends, opens and clicks counted on each UTC day from <paramref name="first"/> to
    /// <paramref name="last"/>, days with none included (for a chart of the last 30 days).</summary>
    Task<IReadOnlyList<DailyCounts>> DailyAsync(
        string campaignId,
        DateOnly first,
        DateOnly last,
        CancellationToken cancellationToken
    );
}

/// <summary>What a campaign's emails did on one UTC day: counted as it happened, never by scanning sends.</summary>
public sealed record DailyCounts(DateOnly Day, long Sent, long Opened, long Clicked)
{
    /// <summary>The metrics counted per day as well.</summary>
    public static readonly IReadOnlyList<CampaignMetric> Metrics =
    [
        CampaignMetric.Sent,
        CampaignMetric.Opened,
        CampaignMetric.Clicked,
    ];
}

/// <summary>The campaign's totals, each step's, and each A/B variant's (by step, then variant).</summary>
public sealed record CampaignStats(
    string CampaignId,
    IReadOnlyDictionary<CampaignMetric, long> Totals,
    IReadOnlyDictionary<string, IReadOnlyDictionary<CampaignMetric, long>> Steps,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<CampaignMetric, long>>> Variants
)
{
    /// <summary>The branches of waits' "on" taken, by step, then event (<see cref="CampaignMetric.On"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> OnBranches { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, long>>();

    /// <summary>How often each branch of the step was taken, by the name the journey gives it: "then", "else",
    /// "timeout", and each event of a wait's "on"; empty for an email.</summary>
    public IReadOnlyDictionary<string, long> Branches(CampaignStep step)
    {
        var counts = Steps.GetValueOrDefault(step.Id);
        long Count(CampaignMetric metric) => counts?.GetValueOrDefault(metric) ?? 0;
        var on = OnBranches.GetValueOrDefault(step.Id);
        return step switch
        {
            { Wait: { } wait } => new Dictionary<string, long>(StringComparer.Ordinal)
            {
                [Journeys.Then] = Count(CampaignMetric.Then),
                [Journeys.Timeout] = Count(CampaignMetric.TimedOut),
            }
                .Concat(wait.On.Keys.Select(e => KeyValuePair.Create(e, on?.GetValueOrDefault(e) ?? 0)))
                .ToDictionary(StringComparer.Ordinal),
            { Condition: not null } => new Dictionary<string, long>(StringComparer.Ordinal)
            {
                [Journeys.Then] = Count(CampaignMetric.Then),
                [Journeys.Else] = Count(CampaignMetric.Else),
            },
            _ => new Dictionary<string, long>(),
        };
    }
}
