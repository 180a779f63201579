using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Reports;

namespace LeadFunctions.Adapters.Reports;

/// <summary>
/// The FunnelCounts table: a partition per month (yyyyMM), a row per dimension and value ("source|web",
/// "campaign|istanbul-fair", "month|202611"; the value URL-escaped, as '/', '#' and '?' are not allowed in keys),
/// a counter per property. A report reads months × values rows, however many leads moved.
/// </summary>
public sealed class FunnelTableCounters(LeadTables tables, TimeProvider time) : IFunnelCounters, IAsyncDisposable
{
    /// <summary>Committed within a second; a host that dies loses its last second of them (the report is a count of
    /// moves, not a ledger).</summary>
    private readonly GroupCommittedCounters counters = new(tables.FunnelCounts, time);

    public ValueTask DisposeAsync() => counters.DisposeAsync();

    public Task AddAsync(IReadOnlyList<FunnelCount> counts, CancellationToken cancellationToken) =>
        counters.AddAsync(
            counts.Select(c => new CounterIncrement(c.Month, RowKey(c.Dimension, c.Key), c.Counter, c.Delta, c.Label)),
            cancellationToken
        );

    public async Task<IReadOnlyList<FunnelRow>> ReadAsync(
        FunnelDimension dimension,
        string fromMonth,
        string toMonth,
        CancellationToken cancellationToken
    )
    {
        var prefix = Prefix(dimension);
        var end = prefix[..^1] + "}";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {fromMonth} and PartitionKey le {toMonth} and RowKey ge {prefix} and RowKey lt {end}"
        );
        var rows = await counters.ReadAsync(filter, cancellationToken);
        return
        [
            .. rows.Select(r =>
            {
                var (values, labels) = GroupCommittedCounters.Read(r);
                return new FunnelRow(r.PartitionKey, Uri.UnescapeDataString(r.RowKey[prefix.Length..]), values, labels);
            }),
        ];
    }

    private static string Prefix(FunnelDimension dimension) => dimension.ToString().ToLowerInvariant() + "|";

    private static string RowKey(FunnelDimension dimension, string key) =>
        Prefix(dimension) + Uri.EscapeDataString(key);
}
