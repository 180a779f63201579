using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Reports;

namespace LeadFunctions.Functions.Dashboard;

/// <summary>What the operator dashboard shows, read at <see cref="At"/>; rendered by <see cref="DashboardPage"/>.</summary>
/// <param name="FromMonth">The first month of the funnel (yyyy-MM); the last is the current one.</param>
/// <param name="Funnel">Per source, from the funnel counters (<see cref="FunnelReport"/>).</param>
public sealed record DashboardView(
    DateTimeOffset At,
    string FromMonth,
    IReadOnlyList<FunnelGroup> Funnel,
    LeadSample Sample,
    RecentMqls RecentMqls,
    IReadOnlyList<CampaignLine> Campaigns,
    WorkState Work);

/// <summary>
/// Score bands and temperatures counted over at most one page of leads (<see cref="DashboardBuilder.SampleSize"/>).
/// Lead ids are hashes of emails, so the first leads in key order are a sample unrelated to age, source or score.
/// </summary>
/// <param name="Complete">True when the page held every lead: the counts are then the whole table's.</param>
public sealed record LeadSample(int Read, bool Complete, IReadOnlyList<ScoreBand> ScoreBands, IReadOnlyDictionary<Temperature, int> Temperatures)
{
    /// <summary>Lower bounds of the bands; the first takes every lower score too (engagement can be negative).</summary>
    public static readonly IReadOnlyList<int> BandStarts = [0, 20, 40, 60, 80];

    public static LeadSample Of(LeadPage page)
    {
        var bands = BandStarts.Select((start, i) => new ScoreBand(
            start,
            i + 1 < BandStarts.Count ? BandStarts[i + 1] - 1 : null,
            page.Leads.Count(l => Band(l.Score.Total) == i))).ToList();
        var temperatures = Enum.GetValues<Temperature>().ToDictionary(t => t, t => page.Leads.Count(l => l.Temperature == t));
        return new LeadSample(page.Leads.Count, page.ContinuationToken is null, bands, temperatures);
    }

    private static int Band(int score)
    {
        var band = 0;
        while (band + 1 < BandStarts.Count && score >= BandStarts[band + 1])
        {
            band++;
        }

        return band;
    }
}

/// <param name="To">The band's highest score; null for the last, open band.</param>
public sealed record ScoreBand(int From, int? To, int Count);

/// <summary>The newest MQLs by their last change, of the MQL-stage leads read (one page; <see cref="Complete"/> when that was all of them).</summary>
public sealed record RecentMqls(int Read, bool Complete, IReadOnlyList<RecentMql> Leads)
{
    public static RecentMqls Of(LeadPage page, int count) => new(
        page.Leads.Count,
        page.ContinuationToken is null,
        [.. page.Leads.OrderByDescending(l => l.UpdatedAt).Take(count).Select(l => new RecentMql(l.Id, l.FullName(), l.Company, l.Source, l.Score.Total, l.Temperature, l.UpdatedAt))]);
}

public sealed record RecentMql(string LeadId, string? Name, string? Company, string Source, int Score, Temperature Temperature, DateTimeOffset UpdatedAt);

/// <summary>A campaign that is not archived, with its totals (the counters of GET /api/campaigns/{id}/stats).</summary>
public sealed record CampaignLine(string Id, string Name, bool Active, IReadOnlyDictionary<CampaignMetric, long> Totals);

/// <summary>Work that is overdue or failing: storage itself, each queue's backlog and poison, and sends whose outcome is unknown or that SendGrid refused.</summary>
/// <param name="StorageFailure">What storage answered when it could not be read; the queues are then unknown.</param>
/// <param name="UncertainSends">Sends of the campaigns shown that may or may not have gone (<see cref="CampaignMetric.Uncertain"/>).</param>
/// <param name="FailedSends">Sends of the campaigns shown that SendGrid refused for good (<see cref="CampaignMetric.Failed"/>): a rotated key, an unverified sender.</param>
public sealed record WorkState(string? StorageFailure, IReadOnlyList<QueueLine> Queues, long UncertainSends, long FailedSends)
{
    public bool NeedsAttention => StorageFailure is not null || UncertainSends > 0 || FailedSends > 0 || Queues.Any(q => q.Poisoned > 0 || q.Overdue);
}

/// <param name="OldestWait">How long the message at the front has waited; null when none is visible.</param>
/// <param name="Overdue">It has waited longer than Health:MaxQueueWait (Health:MaxRescoreWait for lead-rescore).</param>
public sealed record QueueLine(string Queue, int Waiting, int Poisoned, TimeSpan? OldestWait, bool Overdue);
