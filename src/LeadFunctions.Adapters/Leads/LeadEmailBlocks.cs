using Azure;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;

namespace LeadFunctions.Adapters.Leads;

/// <summary>
/// The email index's compacted part (table LeadEmailBlocks): a partition's addresses in sorted runs, a row per run of
/// at most <see cref="MaxEntries"/>, keyed by the greatest address the run holds; the partition's last run is keyed
/// <see cref="Last"/>, above every address. A run holds the addresses above the key before it up to its own, so the
/// run that holds an address, or would take it, is the first row at or after the address: a range read of one row.
/// A run that grows past <see cref="MaxEntries"/> is split in the transaction that writes it, and every write is
/// conditional on the run's ETag, so writers that meet (the compaction and an erasure) never lose each other's work.
/// An index of 100,000 addresses is about 700 rows, which is what a search's range read costs on an emulator that
/// scans a whole table per query (Azurite); on Azure Table storage it reads one or two rows.
/// </summary>
internal sealed class LeadEmailBlocks(TableClient table)
{
    /// <summary>Above every escaped address (they are made of characters below it).</summary>
    private const string Last = "\uffff";
    private const int MaxEntries = 200;
    private const int Fill = 150;
    private const int MaxParts = 8;
    private const string EntriesColumn = "Entries";

    /// <summary>An address as the index keys it (escaped), with its lead's id.</summary>
    public sealed record Entry(string Key, string LeadId);

    private sealed record Run(string RowKey, ETag? ETag, List<Entry> Entries);

    /// <summary>Adds the entries (sorted by key, one partition) to their runs; an address already held takes the
    /// entry's lead id.</summary>
    public async Task MergeAsync(string partition, IReadOnlyList<Entry> sorted, CancellationToken cancellationToken)
    {
        var next = 0;
        while (next < sorted.Count)
        {
            var run = await SeekAsync(partition, sorted[next].Key, cancellationToken) ?? new Run(Last, null, []);
            // At most what 40 runs hold, so that one transaction (100 rows, 4 MB) writes them all.
            var taken = sorted
                .Skip(next)
                .TakeWhile(e => string.CompareOrdinal(e.Key, run.RowKey) <= 0)
                .Take(40 * Fill)
                .ToList();
            var entries = run
                .Entries.Concat(taken)
                .GroupBy(e => e.Key, StringComparer.Ordinal)
                .Select(g => g.Last())
                .OrderBy(e => e.Key, StringComparer.Ordinal)
                .ToList();
            // An address held already with the same lead (the nightly pass logs every lead again) writes nothing.
            if (
                entries.Count == run.Entries.Count && run.ETag is not null && taken.All(run.Entries.Contains)
                || await TryWriteAsync(partition, run, entries, cancellationToken)
            )
            {
                next += taken.Count;
            }
        }
    }

    /// <summary>Takes the address out of its run; a run keyed by it takes its new greatest address as key, and an
    /// empty run goes. False when no run holds it.</summary>
    public async Task<bool> RemoveAsync(string partition, string key, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await SeekAsync(partition, key, cancellationToken) is not { } run || run.Entries.All(e => e.Key != key))
            {
                return false;
            }

            if (await TryWriteAsync(partition, run, [.. run.Entries.Where(e => e.Key != key)], cancellationToken))
            {
                return true;
            }
        }
    }

    /// <summary>The entries from <paramref name="from"/> on, in key order, read a run at a time.</summary>
    public async IAsyncEnumerable<Entry> FromAsync(
        string partition,
        string from,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        await foreach (
            var row in table.QueryAsync<TableEntity>(
                Filter(partition, from),
                maxPerPage: 2,
                cancellationToken: cancellationToken
            )
        )
        {
            foreach (var entry in ToRun(row).Entries.Where(e => string.CompareOrdinal(e.Key, from) >= 0))
            {
                yield return entry;
            }
        }
    }

    /// <summary>The run that holds the key's address, or would take it; null when the partition has none.</summary>
    public async Task<(string RowKey, Entry? Entry)?> FindAsync(
        string partition,
        string key,
        CancellationToken cancellationToken
    ) =>
        await SeekAsync(partition, key, cancellationToken) is { } run
            ? (run.RowKey, run.Entries.FirstOrDefault(e => e.Key == key))
            : null;

    private async Task<Run?> SeekAsync(string partition, string key, CancellationToken cancellationToken)
    {
        await foreach (
            var page in table
                .QueryAsync<TableEntity>(Filter(partition, key), maxPerPage: 1, cancellationToken: cancellationToken)
                .AsPages()
        )
        {
            // A page may come back empty with a continuation; the next holds the row.
            if (page.Values.Count > 0)
            {
                return ToRun(page.Values[0]);
            }
        }

        return null;
    }

    /// <summary>Writes the run's new entries, split into runs of about <see cref="Fill"/> when too many, in one
    /// transaction on the run's ETag; a run left empty goes. False when another writer changed the run first.</summary>
    private async Task<bool> TryWriteAsync(
        string partition,
        Run run,
        List<Entry> entries,
        CancellationToken cancellationToken
    )
    {
        var parts = entries.Count <= MaxEntries ? 1 : (entries.Count + Fill - 1) / Fill;
        var runs = entries.Chunk(Math.Max(1, (entries.Count + parts - 1) / parts)).ToList();
        // A run's key is its greatest address; when an erasure took that one, the next greatest becomes the key.
        var lastKey = run.RowKey == Last || entries.Count == 0 ? run.RowKey : entries[^1].Key;
        var actions = new List<TableTransactionAction>();
        for (var i = 0; i < runs.Count; i++)
        {
            var row = new TableEntity(partition, i == runs.Count - 1 ? lastKey : runs[i][^1].Key);
            if (!JsonColumns.TryWrite(row, EntriesColumn, runs[i], MaxParts))
            {
                throw new InvalidOperationException("A run of the email index does not fit in its row.");
            }

            actions.Add(
                row.RowKey == run.RowKey && run.ETag is { } etag
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, etag)
                    : new TableTransactionAction(TableTransactionActionType.Add, row)
            );
        }

        if (run.ETag is { } old && (runs.Count == 0 || lastKey != run.RowKey))
        {
            actions.Add(
                new TableTransactionAction(
                    TableTransactionActionType.Delete,
                    new TableEntity(partition, run.RowKey),
                    old
                )
            );
        }

        try
        {
            // A transaction even of one row: its keys (addresses) go in the body, not in an address that is logged.
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    private static string Filter(string partition, string from) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from}");

    private static Run ToRun(TableEntity row) =>
        new(row.RowKey, row.ETag, JsonColumns.Read<List<Entry>>(row, EntriesColumn) ?? []);
}
