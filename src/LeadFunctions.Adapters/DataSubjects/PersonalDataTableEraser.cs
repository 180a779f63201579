using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.DataSubjects;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;

namespace LeadFunctions.Adapters.DataSubjects;

/// <summary>
/// Erasure outside the lead's partition: the rows <see cref="IDataSubjectRecords"/> finds, the SendGrid events kept
/// aside whose JSON names the person (a scan of that small table), and the queued or poisoned messages that name them.
/// </summary>
public sealed class PersonalDataTableEraser(
    LeadTables tables,
    IDataSubjectRecords records,
    Leads.LeadEmailIndex emails,
    QueueServiceClient queues,
    StorageNames names
) : IPersonalDataEraser
{
    /// <summary>How long a message looked at stays invisible to the listeners: long enough to read a queue
    /// through.</summary>
    private static readonly TimeSpan Look = TimeSpan.FromSeconds(5);

    public async Task<ErasedRows> EraseRowsAsync(Lead lead, CancellationToken cancellationToken)
    {
        var found = await records.FindAsync(lead, cancellationToken);
        var referred = found
            .Where(r => r.Table == TableNames.Referrals && r.PartitionKey == lead.Id)
            .Select(r => r.RowKey)
            .ToList();
        // The email index's log row and entry in a run go together; the run, and maybe its key, are others'.
        var indexed = found.Count(r => r.Table is TableNames.LeadEmails or TableNames.LeadEmailBlocks);
        if (indexed > 0)
        {
            await emails.ForgetAsync(lead.Email, cancellationToken);
        }

        var rows = indexed;
        foreach (
            var record in found.Where(r =>
                r.Table is not (TableNames.Suppressions or TableNames.LeadEmails or TableNames.LeadEmailBlocks)
            )
        )
        {
            if (record.Table == TableNames.Crm && record.PartitionKey != "contact")
            {
                // The account is the company's, and the opportunity is counted in the pipeline: only its link to the
                // person goes.
                if (record.Values.ContainsKey("LeadId"))
                {
                    await tables.Crm.UpdateEntityAsync(
                        new TableEntity(record.PartitionKey, record.RowKey) { ["LeadId"] = string.Empty },
                        ETag.All,
                        TableUpdateMode.Merge,
                        cancellationToken
                    );
                }

                continue;
            }

            await TableRows.DeleteAsync(
                Table(record.Table),
                [new TableEntity(record.PartitionKey, record.RowKey)],
                cancellationToken
            );
            rows++;
        }

        var unhandled = await tables
            .SendGridUnhandled.QueryAsync<TableEntity>(cancellationToken: cancellationToken)
            .Where(r => Names(r.GetString("Json"), [lead.Email, lead.Id]))
            .ToListAsync(cancellationToken);
        await TableRows.DeleteAsync(tables.SendGridUnhandled, unhandled, cancellationToken);
        return new ErasedRows(rows + unhandled.Count, referred);
    }

    public async Task<int> EraseMessagesAsync(IReadOnlyList<string> needles, CancellationToken cancellationToken)
    {
        var erased = 0;
        foreach (var name in QueueNames.All.SelectMany(q => new[] { q, QueueNames.Poison(q) }))
        {
            var queue = queues.GetQueueClient(names.Queue(name));
            if (!await queue.ExistsAsync(cancellationToken))
            {
                // A poison queue is made by the first message that fails.
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            // Messages not erased come back after the look: the read ends at the first batch of messages seen before.
            while (
                (await queue.ReceiveMessagesAsync(32, Look, cancellationToken)).Value is { Length: > 0 } batch
                && batch.Where(m => seen.Add(m.MessageId)).ToList() is { Count: > 0 }
            )
            {
                foreach (var message in batch.Where(m => Names(Decode(m.Body), needles)))
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    erased++;
                }
            }
        }

        return erased;
    }

    private TableClient Table(string name) => tables.All.First(t => t.Name == names.Table(name));

    private static bool Names(string? text, IEnumerable<string> needles) =>
        text is not null && needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase));

    /// <summary>The body as the client decoded it; one still in base64 (written by another client) is decoded once
    /// more.</summary>
    private static string Decode(BinaryData body)
    {
        var text = body.ToString();
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return text;
        }
    }
}
