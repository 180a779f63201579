using LeadFunctions.Core.Health;
using LeadFunctions.Core.Queues;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Health;

/// <summary>
/// Unhealthy when storage does not answer (<see cref="IStorageProbe"/>). Degraded, with counts: messages
/// in a poison queue (work that failed five times), or a queue whose oldest waiting message is older than
/// Health:MaxQueueWait, or Health:MaxRescoreWait for the parts of a rescoring pass (work nobody is taking:
/// a function switched off, listeners stopped, or more work than the hosts can do).
/// </summary>
internal sealed class StorageHealthCheck(IStorageProbe storage, IOptions<HealthOptions> options, TimeProvider time)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        var state = await storage.ReadAsync(cancellationToken);
        if (state.Failure is { } failure)
        {
            return HealthCheckResult.Unhealthy(failure, state.Error);
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var overdue = new List<string>();
        foreach (var queue in state.Queues)
        {
            data[queue.Queue] = queue.Count;
            data[QueueNames.Poison(queue.Queue)] = queue.PoisonCount;
            var allowed = options.Value.MaxWait(queue.Queue);
            if (queue.OldestQueuedAt is { } queued && time.GetUtcNow() - queued is var wait && wait > allowed)
            {
                overdue.Add($"{queue.Queue} ({wait.TotalMinutes:0.#} min, allowed {allowed})");
            }
        }

        var poisoned = state.Queues.Sum(q => q.PoisonCount);
        string[] problems =
        [
            .. poisoned > 0 ? [$"{poisoned} message(s) in poison queues need attention."] : Array.Empty<string>(),
            .. overdue.Count > 0
                ? [$"Work waits longer than allowed: {string.Join(", ", overdue)}."]
                : Array.Empty<string>(),
        ];
        return problems.Length > 0
            ? HealthCheckResult.Degraded(string.Join(' ', problems), data: data)
            : HealthCheckResult.Healthy("Tables and queues are reachable.", data);
    }
}
