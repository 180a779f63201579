using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Tables;
using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Adapters.Campaigns;

/// <summary>
/// Campaign counters in the CampaignStats table: a partition per campaign, the row "total" and a row "step|{id}"
/// per step, one Int64 property per metric. Deltas are group-committed per campaign: those arriving within
/// <see cref="Window"/> are summed, the campaign's rows read in one query and written in one transaction under
/// their ETags (again on a conflict with another instance), so counting costs two storage operations per window
/// instead of two per row per email. One commit per campaign at a time in this process: deltas arriving meanwhile
/// wait in the next batch (which grows under load) instead of racing the commit for the same rows. Every caller
/// waits for its commit.
/// </summary>
public sealed class CampaignStatsTableStore(LeadTables tables, TimeProvider time) : ICampaignStats
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(20);
    private const string TotalRow = "total";
    private const string StepPrefix = "step|";
    private readonly Lock gate = new();
    private readonly Dictionary<string, Batch> open = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> committing = new(StringComparer.Ordinal);

    public async Task AddAsync(IReadOnlyList<StatDelta> deltas, CancellationToken cancellationToken)
    {
        var commits = new List<Task>();
        foreach (var campaign in deltas.GroupBy(d => d.CampaignId, StringComparer.Ordinal))
        {
            Batch batch;
            var flusher = false;
            lock (gate)
            {
                if (!open.TryGetValue(campaign.Key, out batch!))
                {
                    (batch, flusher) = (new Batch(), true);
                    open[campaign.Key] = batch;
                }

                foreach (var delta in campaign)
                {
                    batch.Add(TotalRow, delta.Metric, delta.Count);
                    if (delta.StepId is { } step)
                    {
                        batch.Add(StepPrefix + step, delta.Metric, delta.Count);
                    }
                }
            }

            if (flusher)
            {
                _ = FlushAfterWindowAsync(campaign.Key, batch);
            }

            commits.Add(batch.Written.Task);
        }

        await Task.WhenAll(commits).WaitAsync(cancellationToken);
    }

    public async Task<CampaignStats> ReadAsync(string campaignId, CancellationToken cancellationToken)
    {
        var rows = await ReadRowsAsync(campaignId, cancellationToken);
        var totals = Counters(rows.GetValueOrDefault(TotalRow));
        var steps = rows.Values.Where(r => r.RowKey.StartsWith(StepPrefix, StringComparison.Ordinal))
            .ToDictionary(r => r.RowKey[StepPrefix.Length..], r => (IReadOnlyDictionary<CampaignMetric, long>)Counters(r), StringComparer.Ordinal);
        return new CampaignStats(campaignId, totals, steps);
    }

    private static Dictionary<CampaignMetric, long> Counters(TableEntity? row) =>
        Enum.GetValues<CampaignMetric>().ToDictionary(m => m, m => row?.GetInt64(m.ToString()) ?? 0L);

    private async Task<Dictionary<string, TableEntity>> ReadRowsAsync(string campaignId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {campaignId}");
        var rows = await tables.CampaignStats.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.RowKey, StringComparer.Ordinal);
    }

    private async Task FlushAfterWindowAsync(string campaignId, Batch batch)
    {
        await Task.Delay(Window, time, CancellationToken.None);
        var turn = committing.GetOrAdd(campaignId, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync();
        lock (gate)
        {
            open.Remove(campaignId);
        }

        try
        {
            while (!await TryWriteAsync(campaignId, batch))
            {
                // Another instance counted in between: read again.
            }

            batch.Written.SetResult();
        }
        catch (Exception ex)
        {
            // Every caller of the batch fails and its message is retried; nothing of the batch was counted.
            batch.Written.SetException(ex);
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task<bool> TryWriteAsync(string campaignId, Batch batch)
    {
        var existing = await ReadRowsAsync(campaignId, CancellationToken.None);
        var actions = new List<TableTransactionAction>();
        foreach (var (rowKey, counts) in batch.Rows)
        {
            var found = existing.GetValueOrDefault(rowKey);
            var row = found ?? new TableEntity(campaignId, rowKey);
            foreach (var (metric, count) in counts)
            {
                row[metric.ToString()] = (row.GetInt64(metric.ToString()) ?? 0L) + count;
            }

            actions.Add(found is null
                ? new TableTransactionAction(TableTransactionActionType.Add, row)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, found.ETag));
        }

        try
        {
            await tables.CampaignStats.SubmitTransactionAsync(actions);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }

    private sealed class Batch
    {
        public Dictionary<string, Dictionary<CampaignMetric, long>> Rows { get; } = new(StringComparer.Ordinal);

        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Add(string row, CampaignMetric metric, int count)
        {
            var counts = Rows.TryGetValue(row, out var c) ? c : Rows[row] = [];
            counts[metric] = counts.GetValueOrDefault(metric) + count;
        }
    }
}
