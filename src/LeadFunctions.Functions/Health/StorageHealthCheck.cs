using Azure;
using Azure.Storage.Queues;
using LeadFunctions.Adapters.Queues;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Adapters.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadFunctions.Functions.Health;

/// <summary>
/// Storage is reachable when the Leads table answers a query and every queue answers for its
/// properties. Messages in a poison queue are work that failed five times: degraded, with counts.
/// </summary>
internal sealed class StorageHealthCheck(LeadTables tables, QueueServiceClient queues, StorageNames names) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var _ in tables.Leads.QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }

            var data = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var queue in QueueNames.All)
            {
                data[queue] = await ApproximateCountAsync(queues.GetQueueClient(names.Queue(queue)), cancellationToken);
                data[QueueNames.Poison(queue)] = await ApproximateCountAsync(queues.GetQueueClient(names.Queue(QueueNames.Poison(queue))), cancellationToken);
            }

            var poisoned = QueueNames.All.Sum(q => (int)data[QueueNames.Poison(q)]);
            return poisoned > 0
                ? HealthCheckResult.Degraded($"{poisoned} message(s) in poison queues need attention.", data: data)
                : HealthCheckResult.Healthy("Tables and queues are reachable.", data);
        }
        catch (RequestFailedException ex)
        {
            return HealthCheckResult.Unhealthy($"Storage answered {ex.Status}.", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or AggregateException)
        {
            return HealthCheckResult.Unhealthy("Storage is unreachable.", ex);
        }
    }

    private static async Task<int> ApproximateCountAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        // A poison queue exists only once something failed for good.
        try
        {
            return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }
}
