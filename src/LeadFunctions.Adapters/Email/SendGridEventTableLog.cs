using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Email;

namespace LeadFunctions.Adapters.Email;

/// <summary>
/// Delivery events in MailEvents (partition: the send id, or the lead id for mail sent without one; row: the
/// sg_event_id), and unhandled events in SendGridUnhandled. Upserts by those keys, so a redelivery writes the same
/// rows.
/// </summary>
public sealed class SendGridEventTableLog(LeadTables tables) : ISendGridEventLog
{
    private const int MaxBatch = 100;

    public async Task RecordDeliveryAsync(IReadOnlyList<SendGridEvent> events, CancellationToken cancellationToken)
    {
        // One transaction per 100 rows of a partition; an event twice in one post would make its transaction fail.
        var rows = events.Select(ToEntity).DistinctBy(e => (e.PartitionKey, e.RowKey));
        foreach (var partition in rows.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(MaxBatch))
            {
                await tables.MailEvents.SubmitTransactionAsync(
                    chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)),
                    cancellationToken
                );
            }
        }
    }

    public async Task KeepUnhandledAsync(
        IReadOnlyList<UnhandledSendGridEvent> events,
        CancellationToken cancellationToken
    )
    {
        foreach (var unhandled in events.DistinctBy(e => e.Id))
        {
            var entity = new TableEntity(unhandled.Id, string.Empty)
            {
                ["Why"] = unhandled.Why,
                ["Json"] = unhandled.Json,
            };
            await tables.SendGridUnhandled.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }
    }

    private static TableEntity ToEntity(SendGridEvent e) =>
        new(e.SendId ?? e.LeadId, e.EventId)
        {
            ["Event"] = e.Type,
            ["At"] = e.At,
            ["LeadId"] = e.LeadId,
            ["Campaign"] = e.Campaign,
            ["Step"] = e.Step,
            ["BounceType"] = e.BounceType,
            ["Reason"] = e.Reason,
        };
}
