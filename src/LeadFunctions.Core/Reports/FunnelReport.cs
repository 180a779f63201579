using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Reports;

/// <summary>
/// GET /api/reports/funnel: per value of the dimension, how many reached each stage in the period, the conversion from
/// each stage to the next, the median hours to MQL and to customer (from the hour buckets, interpolated within the
/// bucket) and the disqualify reasons.
/// </summary>
public static class FunnelReport
{
    private static readonly LifecycleStage[] Funnel =
    [
        LifecycleStage.Subscriber,
        LifecycleStage.Lead,
        LifecycleStage.Mql,
        LifecycleStage.Sql,
        LifecycleStage.Opportunity,
        LifecycleStage.Customer,
    ];

    public static IReadOnlyList<FunnelGroup> Build(IEnumerable<FunnelRow> rows) =>
        [
            .. rows.GroupBy(r => r.Key, StringComparer.Ordinal)
                .Select(Group)
                .OrderByDescending(g => g.Reached.GetValueOrDefault(LifecycleStage.Lead.ToApiName()))
                .ThenBy(g => g.Key, StringComparer.Ordinal),
        ];

    private static FunnelGroup Group(IGrouping<string, FunnelRow> rows)
    {
        long Sum(string counter) => rows.Sum(r => r.Counters.GetValueOrDefault(counter));
        var reached = Funnel.ToDictionary(s => s.ToApiName(), s => Sum(FunnelCounts.Reached(s)));
        var conversion = new Dictionary<string, double?>();
        for (var i = 0; i + 1 < Funnel.Length; i++)
        {
            var from = reached[Funnel[i].ToApiName()];
            conversion[$"{Funnel[i].ToApiName()}→{Funnel[i + 1].ToApiName()}"] =
                from == 0 ? null : Math.Round((double)reached[Funnel[i + 1].ToApiName()] / from, 4);
        }

        var labels = rows.SelectMany(r => r.Labels)
            .GroupBy(l => l.Key)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var reasons = labels
            .Select(l => new DisqualifyReason(l.Value, Sum(l.Key)))
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();
        return new FunnelGroup(
            rows.Key,
            reached,
            conversion,
            Sum(FunnelCounts.Disqualified),
            reasons,
            MedianHours(rows, LifecycleStage.Mql),
            MedianHours(rows, LifecycleStage.Customer)
        );
    }

    /// <summary>The median from the bucket counts: the bucket that holds the middle, interpolated linearly within it
    /// (the last bucket has no upper end: its lower one).</summary>
    private static double? MedianHours(IEnumerable<FunnelRow> rows, LifecycleStage stage)
    {
        var counts = FunnelCounts
            .BucketHours.Select((_, b) => rows.Sum(r => r.Counters.GetValueOrDefault(FunnelCounts.TimeTo(stage, b))))
            .ToArray();
        var total = counts.Sum();
        if (total == 0)
        {
            return null;
        }

        var half = total / 2.0;
        var seen = 0L;
        for (var b = 0; b < counts.Length; b++)
        {
            if (seen + counts[b] >= half && counts[b] > 0)
            {
                var lower = b == 0 ? 0 : FunnelCounts.BucketHours[b - 1];
                var upper = FunnelCounts.BucketHours[b];
                return double.IsPositiveInfinity(upper)
                    ? lower
                    : Math.Round(lower + ((upper - lower) * (half - seen) / counts[b]), 1);
            }

            seen += counts[b];
        }

        return null;
    }
}

public sealed record FunnelGroup(
    string Key,
    IReadOnlyDictionary<string, long> Reached,
    IReadOnlyDictionary<string, double?> Conversion,
    long Disqualified,
    IReadOnlyList<DisqualifyReason> DisqualifyReasons,
    double? MedianHoursToMql,
    double? MedianHoursToCustomer
);

public sealed record DisqualifyReason(string Reason, long Count);
