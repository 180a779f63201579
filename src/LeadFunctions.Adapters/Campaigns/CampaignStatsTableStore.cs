using System.Net;
using Azure;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Tables;
using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Adapters.Campaigns;

/// <summary>
/// Campaign counters in the CampaignStats table: a partition per campaign, the row "total" and a row "step|{id}"
/// per step, one Int64 property per metric. Each row is read and replaced under its ETag, again on a conflict.
/// </summary>
public sealed class CampaignStatsTableStore(LeadTables tables) : ICampaignStats
{
    private const string TotalRow = "total";
    private const string StepPrefix = "step|";

    public async Task AddAsync(IReadOnlyList<StatDelta> deltas, CancellationToken cancellationToken)
    {
        var rows = deltas
            .SelectMany(d => d.StepId is null ? [(d.CampaignId, Row: TotalRow, d.Metric, d.Count)] : new[] { (d.CampaignId, Row: TotalRow, d.Metric, d.Count), (d.CampaignId, Row: StepPrefix + d.StepId, d.Metric, d.Count) })
            .GroupBy(d => (d.CampaignId, d.Row));
        foreach (var row in rows)
        {
            await AddToRowAsync(row.Key.CampaignId, row.Key.Row, [.. row.GroupBy(d => d.Metric).Select(m => (m.Key, m.Sum(d => d.Count)))], cancellationToken);
        }
    }

    public async Task<CampaignStats> ReadAsync(string campaignId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {campaignId}");
        var rows = await tables.CampaignStats.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var totals = rows.Find(r => r.RowKey == TotalRow) is { } total ? Counters(total) : Counters(null);
        var steps = rows.Where(r => r.RowKey.StartsWith(StepPrefix, StringComparison.Ordinal))
            .ToDictionary(r => r.RowKey[StepPrefix.Length..], r => (IReadOnlyDictionary<CampaignMetric, long>)Counters(r), StringComparer.Ordinal);
        return new CampaignStats(campaignId, totals, steps);
    }

    private static Dictionary<CampaignMetric, long> Counters(TableEntity? row) =>
        Enum.GetValues<CampaignMetric>().ToDictionary(m => m, m => row?.GetInt64(m.ToString()) ?? 0L);

    private async Task AddToRowAsync(string campaignId, string rowKey, IReadOnlyList<(CampaignMetric Metric, int Count)> counts, CancellationToken cancellationToken)
    {
        while (true)
        {
            var existing = await tables.CampaignStats.GetEntityIfExistsAsync<TableEntity>(campaignId, rowKey, cancellationToken: cancellationToken);
            var row = existing.HasValue && existing.Value is { } value ? value : new TableEntity(campaignId, rowKey);
            foreach (var (metric, count) in counts)
            {
                row[metric.ToString()] = (row.GetInt64(metric.ToString()) ?? 0L) + count;
            }

            try
            {
                if (existing.HasValue)
                {
                    await tables.CampaignStats.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await tables.CampaignStats.AddEntityAsync(row, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                // Another writer counted in between: read again.
            }
        }
    }
}
