using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Adapters.Campaigns;

/// <summary>
/// Campaign counters in the CampaignStats table: a partition per campaign, the row "total" and a row "step|{id}"
/// per step, one Int64 property per metric, group-committed (<see cref="GroupCommittedCounters"/>): counting costs
/// two storage operations per campaign per second, not two per email. The stats are a second behind at most; a host
/// that dies loses its last second of them.
/// </summary>
public sealed class CampaignStatsTableStore(LeadTables tables, TimeProvider time) : ICampaignStats, IAsyncDisposable
{
    private const string TotalRow = "total";
    private const string StepPrefix = "step|";

    private readonly GroupCommittedCounters counters = new(tables.CampaignStats, time);

    public ValueTask DisposeAsync() => counters.DisposeAsync();

    public Task AddAsync(IReadOnlyList<StatDelta> deltas, CancellationToken cancellationToken) =>
        counters.AddAsync(
            deltas.SelectMany(d =>
                (d.StepId is { } step ? [TotalRow, StepPrefix + step] : new[] { TotalRow }).Select(
                    row => new CounterIncrement(d.CampaignId, row, d.Metric.ToString(), d.Count)
                )
            ),
            cancellationToken
        );

    public async Task<CampaignStats> ReadAsync(string campaignId, CancellationToken cancellationToken)
    {
        var rows = await counters.ReadAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {campaignId}"),
            cancellationToken
        );
        var totals = Counters(rows.Find(r => r.RowKey == TotalRow));
        var steps = rows.Where(r => r.RowKey.StartsWith(StepPrefix, StringComparison.Ordinal))
            .ToDictionary(
                r => r.RowKey[StepPrefix.Length..],
                r => (IReadOnlyDictionary<CampaignMetric, long>)Counters(r),
                StringComparer.Ordinal
            );
        return new CampaignStats(campaignId, totals, steps);
    }

    private static Dictionary<CampaignMetric, long> Counters(TableEntity? row) =>
        Enum.GetValues<CampaignMetric>().ToDictionary(m => m, m => row?.GetInt64(m.ToString()) ?? 0L);
}
