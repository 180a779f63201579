namespace LeadFunctions.Core.Reports;

/// <summary>The funnel counters (a row per month, dimension and value), added to as stages move and read by the funnel
/// report.</summary>
public interface IFunnelCounters
{
    Task AddAsync(IReadOnlyList<FunnelCount> counts, CancellationToken cancellationToken);

    /// <summary>The rows of one dimension for the months <paramref name="fromMonth"/> to <paramref name="toMonth"/>
    /// (yyyyMM, both included).</summary>
    Task<IReadOnlyList<FunnelRow>> ReadAsync(
        FunnelDimension dimension,
        string fromMonth,
        string toMonth,
        CancellationToken cancellationToken
    );
}

/// <summary>One month's counters for one value of a dimension, and the labels of counters that have one (disqualify
/// reasons).</summary>
public sealed record FunnelRow(
    string Month,
    string Key,
    IReadOnlyDictionary<string, long> Counters,
    IReadOnlyDictionary<string, string> Labels
);
