using Azure.Data.Tables;

namespace LeadFunctions.Adapters.Storage;

/// <summary>
/// Upserts into one table, group-committed: those arriving within a window for the same partition go in one
/// entity-group transaction (at most 100 rows), so under load a row costs a fraction of a storage operation instead of
/// one. Every caller waits for its batch's write, so nothing is acknowledged before it is stored; a failed write fails
/// every caller of its batch (their messages are tried again, and the rows are upserts). A batch of one row is a
/// transaction too, so that there is one way of writing.
/// </summary>
internal sealed class WindowedUpserts(TableClient table, TimeSpan window, TimeProvider time)
{
    private const int MaxBatch = 100;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Batch> open = new(StringComparer.Ordinal);

    public async Task UpsertAsync(TableEntity row, CancellationToken cancellationToken)
    {
        Batch batch;
        var flusher = false;
        lock (gate)
        {
            if (!open.TryGetValue(row.PartitionKey, out batch!) || batch.Rows.Count == MaxBatch)
            {
                (batch, flusher) = (new Batch(), true);
                open[row.PartitionKey] = batch;
            }

            // One operation per entity in a transaction: the same row twice in a window is written once.
            batch.Rows[row.RowKey] = row;
        }

        if (flusher)
        {
            await Task.Delay(window, time, CancellationToken.None);
            await FlushAsync(row.PartitionKey, batch);
        }

        await batch.Written.Task.WaitAsync(cancellationToken);
    }

    private async Task FlushAsync(string partition, Batch batch)
    {
        lock (gate)
        {
            if (open.GetValueOrDefault(partition) == batch)
            {
                open.Remove(partition);
            }
        }

        try
        {
            await table.SubmitTransactionAsync(
                batch.Rows.Values.Select(row => new TableTransactionAction(
                    TableTransactionActionType.UpsertReplace,
                    row
                ))
            );
            batch.Written.SetResult();
        }
        catch (Exception ex)
        {
            batch.Written.SetException(ex);
        }
    }

    private sealed class Batch
    {
        public Dictionary<string, TableEntity> Rows { get; } = new(StringComparer.Ordinal);

        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
