using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Reports;

/// <summary>What a funnel report can be cut by.</summary>
public enum FunnelDimension
{
    Source,

    /// <summary>The utm_campaign the lead came with (first touch); "(none)" without one.</summary>
    Campaign,

    Month,
}

/// <summary>Adds <see cref="Delta"/> to one counter of one funnel row: the month (yyyyMM, UTC), the dimension and its
/// value.</summary>
public sealed record FunnelCount(
    string Month,
    FunnelDimension Dimension,
    string Key,
    string Counter,
    long Delta = 1,
    string? Label = null
);

/// <summary>
/// The counters a stage move adds, in the month it happened, under each dimension: every stage the lead reached
/// (a jump from lead to SQL reached MQL too), how long it took to reach MQL and customer (hour buckets, for the
/// medians), and a disqualification with its reason. Anonymous numbers: nothing in them names the person.
/// </summary>
public static class FunnelCounts
{
    public const string NoCampaign = "(none)";
    public const string Disqualified = "disqualified";

    /// <summary>Upper bounds of the time buckets, in hours: 1 h, 4 h, 1 d, 3 d, 1 w, 2 w, 30 d, 90 d, 180 d, 1 y,
    /// more.</summary>
    public static readonly IReadOnlyList<double> BucketHours =
    [
        1,
        4,
        24,
        72,
        168,
        336,
        720,
        2160,
        4320,
        8760,
        double.PositiveInfinity,
    ];

    public static string Reached(LifecycleStage stage) => "reached_" + stage.ToApiName();

    public static string TimeTo(LifecycleStage stage, int bucket) =>
        string.Create(CultureInfo.InvariantCulture, $"to_{stage.ToApiName()}_b{bucket}");

    public static string Reason(string reason) =>
        "reason_"
        + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reason.Trim().ToLowerInvariant())))[..16];

    public static IReadOnlyList<FunnelCount> Of(Lead? before, Lead after)
    {
        if (before is not null && before.Stage == after.Stage)
        {
            return [];
        }

        var at = after.UpdatedAt;
        var counters = new List<(string Counter, string? Label)>();
        if (after.Stage == LifecycleStage.Disqualified)
        {
            counters.Add((Disqualified, null));
            if (after.DisqualifyReason is { } reason)
            {
                counters.Add((Reason(reason), reason.Trim()));
            }
        }
        else
        {
            // A forward move counts every stage passed; a lead requalified after a disqualification counts in the stage
            // it returns to.
            var from =
                before is null ? -1
                : before.Stage == LifecycleStage.Disqualified ? (int)after.Stage - 1
                : (int)before.Stage;
            for (var stage = from + 1; stage <= (int)after.Stage; stage++)
            {
                counters.Add((Reached((LifecycleStage)stage), null));
                if ((LifecycleStage)stage is LifecycleStage.Mql or LifecycleStage.Customer)
                {
                    counters.Add((TimeTo((LifecycleStage)stage, Bucket(at - after.CreatedAt)), null));
                }
            }
        }

        var month = at.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);
        var campaign = after.SourceDetail.TryGetValue("utm_campaign", out var utm) ? utm : NoCampaign;
        (FunnelDimension, string)[] keys =
        [
            (FunnelDimension.Source, after.Source),
            (FunnelDimension.Campaign, campaign),
            (FunnelDimension.Month, month),
        ];
        return
        [
            .. keys.SelectMany(k =>
                counters.Select(c => new FunnelCount(month, k.Item1, k.Item2, c.Counter, 1, c.Label))
            ),
        ];
    }

    private static int Bucket(TimeSpan took)
    {
        var hours = Math.Max(0, took.TotalHours);
        for (var i = 0; i < BucketHours.Count; i++)
        {
            if (hours <= BucketHours[i])
            {
                return i;
            }
        }

        return BucketHours.Count - 1;
    }
}

/// <summary>
/// Counts stage moves into the funnel counters after the write that made them: a message processed twice moves
/// nothing the second time. A crash between the write and the count leaves the counters a move behind.
/// </summary>
public sealed class FunnelSubscriber(IFunnelCounters counters) : ILeadChangeSubscriber
{
    public string Name => LeadChangeSubscribers.Funnel;

    public Task AfterSaveAsync(
        LeadUpdater updater,
        LeadSnapshot before,
        LeadChange change,
        CancellationToken cancellationToken
    ) => change.Lead is { } after ? CountAsync(before.Lead, after, cancellationToken) : Task.CompletedTask;

    /// <summary>Counts the moves from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public Task CountAsync(Lead? before, Lead after, CancellationToken cancellationToken) =>
        FunnelCounts.Of(before, after) is { Count: > 0 } counts
            ? counters.AddAsync(counts, cancellationToken)
            : Task.CompletedTask;
}
