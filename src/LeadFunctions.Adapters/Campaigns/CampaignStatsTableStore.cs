using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Adapters.Campaigns;

/// <summary>
/// Campaign counters in the CampaignStats table: a partition per campaign, the row "total", a row "step|{id}" per step
/// and "step|{id}|{variant}" per A/B variant of a step, one Int64 property per metric (and on a step's row one
/// "On_{event}" per event of a wait's "on" whose branch was taken), and for the spam brake a row
/// "hour|{yyyyMMddHH}" (UTC) per hour with the deliveries and spam reports counted in it (in the same commit, so they
/// cost nothing more), and a row "day|{yyyyMMdd}" (UTC) per day with its sends, opens and clicks for the campaign's
/// chart; group-committed (<see cref="GroupCommittedCounters"/>): counting costs two storage operations
/// per campaign per second, not two per email. The stats are a second behind at most; a host that dies loses its last
/// second of them.
/// </summary>
public sealed class CampaignStatsTableStore(LeadTables tables, TimeProvider time) : ICampaignStats, IAsyncDisposable
{
    private const string TotalRow = "total";
    private const string StepPrefix = "step|";
    private const string HourPrefix = "hour|";
    private const string DayPrefix = "day|";

    /// <summary>A step row's count of the branch of a wait's "on" event ("On_webinar_missed"): event types are
    /// lowercase letters and '_', as property names may be.</summary>
    private const string OnPrefix = "On_";

    /// <summary>The metrics counted per hour as well.</summary>
    private static readonly CampaignMetric[] Hourly = [CampaignMetric.Delivered, CampaignMetric.SpamReports];

    private readonly GroupCommittedCounters counters = new(tables.CampaignStats, time);

    public ValueTask DisposeAsync() => counters.DisposeAsync();

    public Task AddAsync(IReadOnlyList<StatDelta> deltas, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (hour, day) = (HourRow(now), DayRow(DateOnly.FromDateTime(now.UtcDateTime)));
        return counters.AddAsync(
            deltas.SelectMany(d =>
                Rows(d, hour, day)
                    .Select(row => new CounterIncrement(d.CampaignId, row, d.Metric.ToString(), d.Count))
                    .Concat(
                        d is { Metric: CampaignMetric.On, StepId: { } step, Branch: { } branch }
                            ? [new CounterIncrement(d.CampaignId, StepPrefix + step, OnPrefix + branch, d.Count)]
                            : []
                    )
            ),
            cancellationToken
        );
    }

    public async Task<IReadOnlyList<DailyCounts>> DailyAsync(
        string campaignId,
        DateOnly first,
        DateOnly last,
        CancellationToken cancellationToken
    )
    {
        var rows = await counters.ReadAsync(
            TableClient.CreateQueryFilter(
                $"PartitionKey eq {campaignId} and RowKey ge {DayRow(first)} and RowKey le {DayRow(last)}"
            ),
            cancellationToken
        );
        var byDay = rows.ToDictionary(r => r.RowKey, StringComparer.Ordinal);
        var days = new List<DailyCounts>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var row = byDay.GetValueOrDefault(DayRow(day));
            long Count(CampaignMetric metric) => row?.GetInt64(metric.ToString()) ?? 0L;
            days.Add(
                new DailyCounts(
                    day,
                    Count(CampaignMetric.Sent),
                    Count(CampaignMetric.Opened),
                    Count(CampaignMetric.Clicked)
                )
            );
        }

        return days;
    }

    public async Task<(long Deliveries, long SpamReports)> LastDayAsync(
        string campaignId,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        var (from, to) = (HourRow(now.AddHours(-23)), HourRow(now));
        var rows = await counters.ReadAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and RowKey ge {from} and RowKey le {to}"),
            cancellationToken
        );
        long Sum(CampaignMetric metric) => rows.Sum(r => r.GetInt64(metric.ToString()) ?? 0L);
        return (Sum(CampaignMetric.Delivered), Sum(CampaignMetric.SpamReports));
    }

    public async Task<CampaignStats> ReadAsync(string campaignId, CancellationToken cancellationToken)
    {
        var rows = await counters.ReadAsync(
            // "step|…" and "total" sort after every "hour|…" row, which only the spam brake reads.
            TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and RowKey ge {StepPrefix}"),
            cancellationToken
        );
        var totals = Counters(rows.Find(r => r.RowKey == TotalRow));
        var keyed = rows.Where(r => r.RowKey.StartsWith(StepPrefix, StringComparison.Ordinal))
            .Select(r => (Key: r.RowKey[StepPrefix.Length..].Split('|'), Counts: Counters(r)))
            .ToList();
        var steps = keyed
            .Where(r => r.Key.Length == 1)
            .ToDictionary(
                r => r.Key[0],
                r => (IReadOnlyDictionary<CampaignMetric, long>)r.Counts,
                StringComparer.Ordinal
            );
        var variants = keyed
            .Where(r => r.Key.Length == 2)
            .GroupBy(r => r.Key[0], StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g =>
                    (IReadOnlyDictionary<string, IReadOnlyDictionary<CampaignMetric, long>>)
                        g.ToDictionary(
                            r => r.Key[1],
                            r => (IReadOnlyDictionary<CampaignMetric, long>)r.Counts,
                            StringComparer.Ordinal
                        ),
                StringComparer.Ordinal
            );
        var onBranches = rows.Where(r => r.RowKey.StartsWith(StepPrefix, StringComparison.Ordinal))
            .Select(r => (Step: r.RowKey[StepPrefix.Length..], Row: r))
            .Where(r => !r.Step.Contains('|', StringComparison.Ordinal))
            .ToDictionary(
                r => r.Step,
                r =>
                    (IReadOnlyDictionary<string, long>)
                        r
                            .Row.Keys.Where(k => k.StartsWith(OnPrefix, StringComparison.Ordinal))
                            .ToDictionary(
                                k => k[OnPrefix.Length..],
                                k => r.Row.GetInt64(k) ?? 0L,
                                StringComparer.Ordinal
                            ),
                StringComparer.Ordinal
            );
        return new CampaignStats(campaignId, totals, steps, variants) { OnBranches = onBranches };
    }

    private static IEnumerable<string> Rows(StatDelta delta, string hour, string day)
    {
        yield return TotalRow;
        if (delta.StepId is { } step)
        {
            yield return StepPrefix + step;
            if (delta.Variant is { } variant)
            {
                yield return $"{StepPrefix}{step}|{variant}";
            }
        }

        if (Hourly.Contains(delta.Metric))
        {
            yield return hour;
        }

        if (delta.StepId is not null && DailyCounts.Metrics.Contains(delta.Metric))
        {
            yield return day;
        }
    }

    private static string DayRow(DateOnly day) =>
        DayPrefix + day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    private static string HourRow(DateTimeOffset at) =>
        HourPrefix + at.UtcDateTime.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<CampaignMetric, long> Counters(TableEntity? row) =>
        Enum.GetValues<CampaignMetric>().ToDictionary(m => m, m => row?.GetInt64(m.ToString()) ?? 0L);
}
