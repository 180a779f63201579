using System.Globalization;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Health;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Reports;

namespace LeadFunctions.Core.Dashboard;

/// <summary>
/// Gathers the dashboard from what the pipeline already keeps, with a bounded number of reads whatever the number
/// of leads: the funnel counters of the last twelve months (rows = months × sources), one page of leads for the
/// score and temperature sample, one page of MQL-stage leads, the campaign list with one stats partition each, and
/// the storage probe the health check uses.
/// </summary>
public sealed class DashboardBuilder(
    IFunnelCounters funnel,
    ILeadQuery leads,
    ICampaignStore campaigns,
    ICampaignStats stats,
    IStorageProbe storage,
    IQueueWaitLimits waits,
    TimeProvider time
)
{
    /// <summary>The most lead rows one page view reads for the sample, and again for the MQLs (one storage page
    /// each).</summary>
    public const int SampleSize = 1000;

    public const int RecentMqlCount = 10;

    /// <summary>Campaigns are few; past this many the page shows the first by name (each costs a read).</summary>
    public const int MaxCampaigns = 25;

    public async Task<DashboardView> BuildAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var thisMonth = new DateOnly(now.Year, now.Month, 1);
        var fromMonth = thisMonth.AddMonths(-11);
        var funnelRows = funnel.ReadAsync(FunnelDimension.Source, Key(fromMonth), Key(thisMonth), cancellationToken);
        var sample = leads.ListAsync(new LeadFilter(null, null, null, null), null, SampleSize, cancellationToken);
        var mqls = leads.ListAsync(
            new LeadFilter(LifecycleStage.Mql, null, null, null),
            null,
            SampleSize,
            cancellationToken
        );
        var campaignLines = CampaignsAsync(cancellationToken);
        var state = storage.ReadAsync(cancellationToken);
        await Task.WhenAll(funnelRows, sample, mqls, campaignLines, state);

        var lines = await campaignLines;
        return new DashboardView(
            now,
            fromMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            FunnelReport.Build(await funnelRows),
            LeadSample.Of(await sample),
            RecentMqls.Of(await mqls, RecentMqlCount),
            lines,
            Work(await state, lines, now)
        );
    }

    private async Task<IReadOnlyList<CampaignLine>> CampaignsAsync(CancellationToken cancellationToken)
    {
        var shown = (await campaigns.ListAsync(cancellationToken))
            .Where(c => !c.Archived)
            .OrderBy(c => c.Name, StringComparer.CurrentCulture)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(MaxCampaigns)
            .ToList();
        var totals = await Task.WhenAll(shown.Select(c => stats.ReadAsync(c.Id, cancellationToken)));
        return [.. shown.Zip(totals, (c, s) => new CampaignLine(c.Id, c.Name, c.Active, s.Totals, c.SpamBrake))];
    }

    private WorkState Work(StorageState state, IReadOnlyList<CampaignLine> lines, DateTimeOffset now)
    {
        var queues = state.Queues.Select(q =>
        {
            var wait = q.OldestQueuedAt is { } queued ? now - queued : (TimeSpan?)null;
            return new QueueLine(q.Queue, q.Count, q.PoisonCount, wait, wait > waits.MaxWait(q.Queue));
        });
        return new WorkState(
            state.Failure,
            [.. queues],
            lines.Sum(l => l.Totals.GetValueOrDefault(CampaignMetric.Uncertain)),
            lines.Sum(l => l.Totals.GetValueOrDefault(CampaignMetric.Failed))
        );
    }

    private static string Key(DateOnly month) => month.ToString("yyyyMM", CultureInfo.InvariantCulture);
}
