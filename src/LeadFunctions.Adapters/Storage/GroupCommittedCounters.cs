using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Data.Tables;

namespace LeadFunctions.Adapters.Storage;

/// <summary>
/// Int64 counters in table rows, group-committed per partition: increments arriving within the window are summed,
/// the rows they touch read in one query and written in one transaction under their ETags (again on a conflict with
/// another instance), so counting costs two storage operations per window instead of two per increment. One commit
/// per partition at a time in this process: increments arriving meanwhile wait in the next batch (which grows under
/// load) instead of racing the commit for the same rows.
/// <para>
/// A caller goes on at once: its increment is committed within <see cref="Window"/>, tried again on failure, and
/// written at the latest when the host stops (<see cref="DisposeAsync"/>). A host that dies loses the increments of its
/// last window. Callers that waited would gain nothing: what they count follows a write that is done (a lead saved, a
/// step flagged), and a retry of their message finds it done and counts nothing again. And a window short enough to
/// wait for meets few increments: at 50 emails/s a 20 ms one cost about a query and a transaction per email.
/// </para>
/// </summary>
public sealed class GroupCommittedCounters(TableClient table, TimeProvider time) : IAsyncDisposable
{
    /// <summary>How long increments gather before their commit.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <summary>How often a commit that failed (storage unreachable) is tried again before its increments are given
    /// up.</summary>
    private const int Attempts = 5;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Batch> open = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> committing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> flushing = new();

    /// <summary>Adds each increment; a <see cref="CounterIncrement.Label"/> is kept beside its counter as
    /// "{counter}_label".</summary>
    public Task AddAsync(IEnumerable<CounterIncrement> increments, CancellationToken cancellationToken)
    {
        foreach (var partition in increments.GroupBy(i => i.Partition, StringComparer.Ordinal))
        {
            Batch batch;
            var flusher = false;
            lock (gate)
            {
                if (!open.TryGetValue(partition.Key, out batch!))
                {
                    (batch, flusher) = (new Batch(), true);
                    open[partition.Key] = batch;
                }

                foreach (var increment in partition)
                {
                    batch.Add(increment);
                }
            }

            if (flusher)
            {
                var flush = FlushAfterWindowAsync(partition.Key, batch);
                flushing[flush] = 0;
                _ = flush.ContinueWith(done => flushing.TryRemove(done, out _), TaskScheduler.Default);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits for the commits under way (each within its window): the host's last increments are written before
    /// it stops.</summary>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(flushing.Keys);
        foreach (var turn in committing.Values)
        {
            turn.Dispose();
        }
    }

    /// <summary>The rows an OData filter (built with TableClient.CreateQueryFilter) selects.</summary>
    public async Task<List<TableEntity>> ReadAsync(string filter, CancellationToken cancellationToken) =>
        await table
            .QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);

    /// <summary>The counters of a row (every Int64 property) and the labels kept beside them.</summary>
    public static (Dictionary<string, long> Counters, Dictionary<string, string> Labels) Read(TableEntity row) =>
        (
            row.Where(p => p.Value is long).ToDictionary(p => p.Key, p => (long)p.Value, StringComparer.Ordinal),
            row.Where(p => p.Key.EndsWith(LabelSuffix, StringComparison.Ordinal) && p.Value is string)
                .ToDictionary(p => p.Key[..^LabelSuffix.Length], p => (string)p.Value, StringComparer.Ordinal)
        );

    private const string LabelSuffix = "_label";
    private const int MaxComparisons = 15;

    private async Task FlushAfterWindowAsync(string partition, Batch batch)
    {
        await Task.Delay(Window, time, CancellationToken.None);
        var turn = committing.GetOrAdd(partition, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync();
        lock (gate)
        {
            open.Remove(partition);
        }

        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    while (!await TryWriteAsync(partition, batch))
                    {
                        // Another instance counted in between: read again.
                    }

                    break;
                }
                catch (RequestFailedException) when (attempt < Attempts)
                {
                    // Nobody waits to be told: try again a little later.
                    await Task.Delay(Window * attempt, time, CancellationToken.None);
                }
            }
        }
        catch (RequestFailedException)
        {
            // Given up after the attempts: these increments are lost, and nobody waits for them.
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task<bool> TryWriteAsync(string partition, Batch batch)
    {
        // Azure Tables takes at most 15 comparisons in a filter: a batch of more rows reads the whole partition.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        if (batch.Rows.Count < MaxComparisons)
        {
            var rowKeys = batch.Rows.Keys.Select(k => TableClient.CreateQueryFilter($"RowKey eq {k}"));
            filter += $" and ({string.Join(" or ", rowKeys)})";
        }

        var existing = (await ReadAsync(filter, CancellationToken.None)).ToDictionary(
            r => r.RowKey,
            StringComparer.Ordinal
        );
        var actions = new List<TableTransactionAction>();
        foreach (var (rowKey, counters) in batch.Rows)
        {
            var found = existing.GetValueOrDefault(rowKey);
            var row = found ?? new TableEntity(partition, rowKey);
            foreach (var (counter, delta) in counters)
            {
                row[counter] = (row.GetInt64(counter) ?? 0L) + delta;
            }

            foreach (var (counter, label) in batch.Labels.GetValueOrDefault(rowKey) ?? [])
            {
                row[counter + LabelSuffix] = label;
            }

            actions.Add(
                found is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, row)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, found.ETag)
            );
        }

        try
        {
            foreach (var chunk in actions.Chunk(100))
            {
                // A batch touching more than 100 rows of one partition commits in parts; a part that conflicts is
                // read and written again, and the parts before it stay counted, so a row is never counted twice.
                await table.SubmitTransactionAsync(chunk);
                foreach (var action in chunk)
                {
                    batch.Rows.Remove(action.Entity.RowKey);
                }
            }

            return true;
        }
        catch (RequestFailedException ex)
            when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }

    private sealed class Batch
    {
        public Dictionary<string, Dictionary<string, long>> Rows { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Dictionary<string, string>> Labels { get; } = new(StringComparer.Ordinal);

        public void Add(CounterIncrement increment)
        {
            var counters = Rows.TryGetValue(increment.Row, out var c)
                ? c
                : Rows[increment.Row] = new(StringComparer.Ordinal);
            counters[increment.Counter] = counters.GetValueOrDefault(increment.Counter) + increment.Delta;
            if (increment.Label is { } label)
            {
                var labels = Labels.TryGetValue(increment.Row, out var l)
                    ? l
                    : Labels[increment.Row] = new(StringComparer.Ordinal);
                labels[increment.Counter] = label;
            }
        }
    }
}

/// <summary>One increment of one counter (an Int64 property) of one row.</summary>
public sealed record CounterIncrement(string Partition, string Row, string Counter, long Delta, string? Label = null);
