using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Health;
using LeadFunctions.Core.Queues;

namespace LeadFunctions.Adapters.Health;

/// <summary>
/// Storage answers when the Leads table answers a query and the queues answer a listing and, those
/// that exist, for their properties; a queue with messages is peeked for its oldest.
/// </summary>
public sealed class StorageProbe(LeadTables tables, QueueServiceClient queues, StorageNames names) : IStorageProbe
{
    public async Task<StorageState> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (
                var _ in tables
                    .Leads.QueryAsync<TableEntity>(
                        maxPerPage: 1,
                        select: ["PartitionKey"],
                        cancellationToken: cancellationToken
                    )
                    .AsPages(pageSizeHint: 1)
            )
            {
                break;
            }

            // One listing says which queues exist (a poison queue does only once something failed for good),
            // so that a probe asks for nothing that answers 404: each would be a warning in the log.
            var existing = await queues
                .GetQueuesAsync(prefix: names.Queue(string.Empty), cancellationToken: cancellationToken)
                .Select(q => q.Name)
                .ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
            var backlogs = new List<QueueBacklog>();
            foreach (var queue in QueueNames.All)
            {
                var client = queues.GetQueueClient(names.Queue(queue));
                var count = await ApproximateCountAsync(client, existing, cancellationToken);
                var poisoned = await ApproximateCountAsync(
                    queues.GetQueueClient(names.Queue(QueueNames.Poison(queue))),
                    existing,
                    cancellationToken
                );
                var oldest = count > 0 ? await OldestQueuedAtAsync(client, cancellationToken) : null;
                backlogs.Add(new QueueBacklog(queue, count, poisoned, oldest));
            }

            return StorageState.Reachable(backlogs);
        }
        catch (RequestFailedException ex)
        {
            return StorageState.Unreachable($"Storage answered {ex.Status}.", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or AggregateException)
        {
            return StorageState.Unreachable("Storage is unreachable.", ex);
        }
    }

    private static async Task<DateTimeOffset?> OldestQueuedAtAsync(
        QueueClient queue,
        CancellationToken cancellationToken
    )
    {
        var peeked = (await queue.PeekMessagesAsync(1, cancellationToken)).Value;
        return peeked is [{ InsertedOn: { } inserted }] ? inserted : null;
    }

    private static async Task<int> ApproximateCountAsync(
        QueueClient queue,
        HashSet<string> existing,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return existing.Contains(queue.Name)
                ? (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount
                : 0;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Deleted since the listing (an operator removing a poison queue they dealt with).
            return 0;
        }
    }
}
