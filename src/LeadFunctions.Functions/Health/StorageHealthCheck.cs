using Azure;
using Azure.Storage.Queues;
using LeadFunctions.Adapters.Queues;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Adapters.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Health;

/// <summary>
/// Storage is reachable when the Leads table answers a query and the queues answer a listing and,
/// those that exist, for their properties. Degraded, with counts: messages in a poison queue (work that
/// failed five times), or a queue whose oldest waiting message is older than Health:MaxQueueWait, or
/// Health:MaxRescoreWait for the parts of a rescoring pass (work nobody is taking: a function switched
/// off, listeners stopped, or more work than the hosts can do).
/// </summary>
internal sealed class StorageHealthCheck(LeadTables tables, QueueServiceClient queues, StorageNames names, IOptions<HealthOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var _ in tables.Leads.QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }

            // One listing says which queues exist (a poison queue does only once something failed for good),
            // so that a probe asks for nothing that answers 404: each would be a warning in the log.
            var existing = await queues.GetQueuesAsync(prefix: names.Queue(string.Empty), cancellationToken: cancellationToken)
                .Select(q => q.Name).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
            var data = new Dictionary<string, object>(StringComparer.Ordinal);
            var overdue = new List<string>();
            foreach (var queue in QueueNames.All)
            {
                var client = queues.GetQueueClient(names.Queue(queue));
                var count = await ApproximateCountAsync(client, existing, cancellationToken);
                data[queue] = count;
                data[QueueNames.Poison(queue)] = await ApproximateCountAsync(queues.GetQueueClient(names.Queue(QueueNames.Poison(queue))), existing, cancellationToken);
                var allowed = options.Value.MaxWait(queue);
                if (count > 0 && await OldestWaitAsync(client, cancellationToken) is { } wait && wait > allowed)
                {
                    overdue.Add($"{queue} ({wait.TotalMinutes:0.#} min, allowed {allowed})");
                }
            }

            var poisoned = QueueNames.All.Sum(q => (int)data[QueueNames.Poison(q)]);
            string[] problems =
            [
                .. poisoned > 0 ? [$"{poisoned} message(s) in poison queues need attention."] : Array.Empty<string>(),
                .. overdue.Count > 0 ? [$"Work waits longer than allowed: {string.Join(", ", overdue)}."] : Array.Empty<string>(),
            ];
            return problems.Length > 0
                ? HealthCheckResult.Degraded(string.Join(' ', problems), data: data)
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

    /// <summary>How long the message at the front of the queue has waited; null when none is visible.</summary>
    private async Task<TimeSpan?> OldestWaitAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        var peeked = (await queue.PeekMessagesAsync(1, cancellationToken)).Value;
        return peeked is [{ InsertedOn: { } inserted }] ? time.GetUtcNow() - inserted : null;
    }

    private static async Task<int> ApproximateCountAsync(QueueClient queue, HashSet<string> existing, CancellationToken cancellationToken)
    {
        try
        {
            return existing.Contains(queue.Name) ? (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount : 0;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Deleted since the listing (an operator removing a poison queue they dealt with).
            return 0;
        }
    }
}
