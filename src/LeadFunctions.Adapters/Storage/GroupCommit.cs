using Azure.Data.Tables;

namespace LeadFunctions.Adapters.Storage;

/// <summary>
/// Upserts into one table by group commit: a writer finding no write in flight writes its rows at once; rows added
/// while a write is in flight go together in the next, one transaction per partition and 100 rows. Writers of a burst
/// (a queue batch's messages, the nurture senders scheduling their next steps) mostly share a transaction, and alone a
/// writer waits for nobody. Each caller returns once its own rows are stored, or with the failure of their write.
/// Every write is a transaction, even of one row: its keys go in the request's body, not in an address that logs and
/// traces record (the email index's keys are addresses).
/// </summary>
internal sealed class InFlightUpserts(TableClient table)
{
    private readonly Lock gate = new();
    private List<(TableEntity Row, TaskCompletionSource Done)> waiting = [];
    private bool writing;

    public Task WriteAsync(IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool leads;
        lock (gate)
        {
            waiting.AddRange(rows.Select(r => (r, done)));
            (leads, writing) = (!writing, true);
        }

        if (leads)
        {
            _ = Task.Run(WriteWhileWaitingAsync, CancellationToken.None);
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteWhileWaitingAsync()
    {
        while (true)
        {
            List<(TableEntity Row, TaskCompletionSource Done)> batch;
            lock (gate)
            {
                if (waiting.Count == 0)
                {
                    writing = false;
                    return;
                }

                (batch, waiting) = (waiting, []);
            }

            var failed = await WriteBatchAsync(batch);
            foreach (var done in batch.Select(w => w.Done).Distinct())
            {
                if (failed.TryGetValue(done, out var ex))
                {
                    done.TrySetException(ex);
                }
                else
                {
                    done.TrySetResult();
                }
            }
        }
    }

    /// <summary>The callers whose rows were not all written, with why.</summary>
    private async Task<Dictionary<TaskCompletionSource, Exception>> WriteBatchAsync(
        List<(TableEntity Row, TaskCompletionSource Done)> batch
    )
    {
        var failed = new Dictionary<TaskCompletionSource, Exception>();
        foreach (var partition in batch.GroupBy(w => w.Row.PartitionKey))
        {
            // A row named twice (two writers scheduling the same send) goes once: a transaction refuses a repeated key.
            foreach (var chunk in partition.GroupBy(w => w.Row.RowKey).Chunk(100))
            {
                try
                {
                    await WriteChunkAsync([.. chunk.Select(rows => rows.Last().Row)]);
                }
                catch (Exception ex)
                {
                    foreach (var done in chunk.SelectMany(rows => rows).Select(w => w.Done))
                    {
                        failed.TryAdd(done, ex);
                    }
                }
            }
        }

        return failed;
    }

    private async Task WriteChunkAsync(IReadOnlyList<TableEntity> rows) =>
        await table.SubmitTransactionAsync(
            rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)),
            CancellationToken.None
        );
}

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
