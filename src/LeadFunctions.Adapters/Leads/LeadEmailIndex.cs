using Azure;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Adapters.Leads;

/// <summary>
/// Leads by email (table LeadEmails), so that a search by an address's beginning reads a range of one partition, not
/// every lead: the partition is the address's first character, the row the address (with the four characters a key
/// cannot hold, and "%", escaped as %XX, which keeps a beginning a beginning), and the row holds the lead's id.
/// A row is written before its lead (<see cref="LeadTableStore"/>), so there is no lead a search cannot find; a row
/// whose lead was never written is passed over by the search. The rows of leads created at once (a queue batch's
/// messages) share a transaction per partition (<see cref="InFlightUpserts"/>): under load the index costs a lead's
/// creation a fraction of a storage operation (a new lead costs ~4.6; one more each would be 5.6).
/// </summary>
public sealed class LeadEmailIndex(LeadTables tables)
{
    private const string LeadIdColumn = "LeadId";
    private readonly InFlightUpserts upserts = new(tables.LeadEmails);

    /// <summary>The index row's keys for an address.</summary>
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

    /// <summary>The rows of the addresses that begin with <paramref name="prefix"/> (not empty), in address
    /// order.</summary>
    public AsyncPageable<TableEntity> Find(string prefix, CancellationToken cancellationToken)
    {
        var (partition, from) = KeyOf(prefix);
        var to = from + char.MaxValue;
        return tables.LeadEmails.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}"),
            select: [LeadIdColumn],
            cancellationToken: cancellationToken
        );
    }

    public static string? LeadIdOf(TableEntity row) => row.GetString(LeadIdColumn);

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
