using Azure;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Adapters.Leads;

/// <summary>
/// Leads by email, so that a search by an address's beginning reads two short ranges, not every lead. The address's
/// key is the address with the four characters a key cannot hold, and "%", escaped as %XX (which keeps a beginning a
/// beginning); its partition is the key's first character. The index has two parts:
/// - the log (table LeadEmails), a row per address with its lead id, upserted before its lead is created (see
///   <see cref="LeadTableStore"/>), so there is no lead a search cannot find. The rows of leads created at once (a
///   queue batch's messages) share a transaction per partition (<see cref="InFlightUpserts"/>): under load the index
///   costs a lead's creation a fraction of a storage operation (a new lead costs ~4.6; one more each would be 5.6);
/// - the runs (<see cref="LeadEmailBlocks"/>), into which <see cref="CompactAsync"/> (a timer, every minute) folds the
///   log's rows and then deletes them.
/// A search reads both and merges them. An address whose lead was never written is passed over by the search.
/// </summary>
public sealed class LeadEmailIndex(LeadTables tables) : ILeadEmailIndex
{
    private const string LeadIdColumn = "LeadId";
    private static readonly string[] LogColumns = ["PartitionKey", "RowKey", LeadIdColumn];
    private readonly InFlightUpserts upserts = new(tables.LeadEmails);
    private readonly LeadEmailBlocks runs = new(tables.LeadEmailBlocks);

    /// <summary>The address's keys in the index: the partition and the row (in the log) or entry (in a run).</summary>
    public static (string Partition, string Row) KeyOf(string email)
    {
        var row = Escape(email);
        return (row[..1], row);
    }

    public Task KeepAsync(Lead lead, CancellationToken cancellationToken) =>
        upserts.WriteAsync([RowOf(lead.Id, lead.Email)], cancellationToken);

    /// <summary>Writes the rows of many leads' (id, email), sharing transactions as <see cref="KeepAsync(Lead,
    /// CancellationToken)"/> does.</summary>
    public Task KeepAsync(IEnumerable<(string Id, string Email)> leads, CancellationToken cancellationToken) =>
        upserts.WriteAsync([.. leads.Select(l => RowOf(l.Id, l.Email))], cancellationToken);

    /// <summary>
    /// A page of the lead ids of the addresses that begin with <paramref name="prefix"/> (not empty), in address order,
    /// and the token of the next page (the last address's key, opaque to callers), null after the last.
    /// </summary>
    /// <exception cref="FormatException">The token is not one of this search's.</exception>
    public async Task<(IReadOnlyList<string> LeadIds, string? Next)> FindAsync(
        string prefix,
        string? token,
        int pageSize,
        CancellationToken cancellationToken
    )
    {
        var (partition, start) = KeyOf(prefix);
        var end = start + char.MaxValue;
        var after = ContinuationTokens.Decode(token);
        if (after is not null && !after.StartsWith(start, StringComparison.Ordinal))
        {
            throw new FormatException("Not a continuation token of this search.");
        }

        bool Wanted(string key) =>
            string.CompareOrdinal(key, end) < 0 && (after is null || string.CompareOrdinal(key, after) > 0);
        var logged = tables
            .LeadEmails.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter(
                    $"PartitionKey eq {partition} and RowKey ge {after ?? start} and RowKey lt {end}"
                ),
                maxPerPage: pageSize + 1,
                select: LogColumns,
                cancellationToken: cancellationToken
            )
            .Where(r => Wanted(r.RowKey))
            .Take(pageSize + 1)
            .Select(EntryOf)
            .ToListAsync(cancellationToken);
        var folded = runs.FromAsync(partition, after ?? start, cancellationToken)
            .TakeWhile(e => string.CompareOrdinal(e.Key, end) < 0)
            .Where(e => Wanted(e.Key))
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);
        var found = (await logged)
            .Concat(await folded)
            .DistinctBy(e => e.Key, StringComparer.Ordinal)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        var page = found.Take(pageSize).ToList();
        return (
            [.. page.Select(e => e.LeadId).Where(id => id.Length > 0)],
            found.Count > pageSize ? ContinuationTokens.Encode(page[^1].Key) : null
        );
    }

    public async Task<int> CompactAsync(int maxAddresses, CancellationToken cancellationToken)
    {
        var rows = await tables
            .LeadEmails.QueryAsync<TableEntity>(
                select: LogColumns,
                maxPerPage: Math.Min(maxAddresses, 1000),
                cancellationToken: cancellationToken
            )
            .Take(maxAddresses)
            .ToListAsync(cancellationToken);
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            await runs.MergeAsync(
                partition.Key,
                [.. partition.OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(EntryOf)],
                cancellationToken
            );
        }

        foreach (var chunk in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal).SelectMany(p => p.Chunk(100)))
        {
            await DeleteFoldedAsync([.. chunk], cancellationToken);
        }

        return rows.Count;
    }

    /// <summary>Takes the address out of both parts (an erasure): the log's row first, so that a compaction under way
    /// cannot fold it back in (see <see cref="DeleteFoldedAsync"/>).</summary>
    public async Task ForgetAsync(string email, CancellationToken cancellationToken)
    {
        var (partition, row) = KeyOf(email);
        await TableRows.DeleteAsync(tables.LeadEmails, [new TableEntity(partition, row)], cancellationToken);
        await runs.RemoveAsync(partition, row, cancellationToken);
    }

    /// <summary>The run that holds the address, as a record of what is kept about its person (an export), or
    /// null.</summary>
    public async Task<(string Partition, string RowKey, string LeadId)?> FindFoldedAsync(
        string email,
        CancellationToken cancellationToken
    )
    {
        var (partition, key) = KeyOf(email);
        return await runs.FindAsync(partition, key, cancellationToken) is (var rowKey, { } entry)
            ? (partition, rowKey, entry.LeadId)
            : null;
    }

    /// <summary>
    /// Deletes folded rows (of one partition, at most 100) on the ETags they were read with, in one transaction. A row
    /// written again since (its lead created again) stays for the next compaction. A row gone is one an erasure deleted
    /// after this compaction read it (compactions do not overlap: the timer runs on one host at a time): its entry,
    /// which this compaction may have folded in after the erasure took it out of the runs, goes again. (So does the
    /// entry of a row whose delete landed but whose answer was lost, when the client sends it again: the nightly pass
    /// logs that lead again. An erased address left in a run would be worse.)
    /// </summary>
    private async Task DeleteFoldedAsync(List<TableEntity> rows, CancellationToken cancellationToken)
    {
        while (rows.Count > 0)
        {
            try
            {
                await tables.LeadEmails.SubmitTransactionAsync(
                    rows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, r.ETag)),
                    cancellationToken
                );
                return;
            }
            catch (TableTransactionFailedException ex)
                when (ex.Status is 404 or 412 && ex.FailedTransactionActionIndex is { } failed)
            {
                if (ex.Status == 404)
                {
                    await runs.RemoveAsync(rows[failed].PartitionKey, rows[failed].RowKey, cancellationToken);
                }

                rows.RemoveAt(failed);
            }
        }
    }

    private static LeadEmailBlocks.Entry EntryOf(TableEntity row) =>
        new(row.RowKey, row.GetString(LeadIdColumn) ?? string.Empty);

    private static TableEntity RowOf(string leadId, string email)
    {
        var (partition, row) = KeyOf(email);
        return new TableEntity(partition, row) { [LeadIdColumn] = leadId };
    }

    /// <summary>"/", "\", "#" and "?" may not be in a key; "%" is escaped first, so that no address reads as another's
    /// escape. Each character maps on its own, so the escape of a beginning begins the escape of the whole.</summary>
    private static string Escape(string email) =>
        email
            .Replace("%", "%25", StringComparison.Ordinal)
            .Replace("/", "%2F", StringComparison.Ordinal)
            .Replace("\\", "%5C", StringComparison.Ordinal)
            .Replace("#", "%23", StringComparison.Ordinal)
            .Replace("?", "%3F", StringComparison.Ordinal);
}
