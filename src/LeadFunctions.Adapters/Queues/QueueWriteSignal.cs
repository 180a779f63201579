using System.Collections.Concurrent;

namespace LeadFunctions.Adapters.Queues;

/// <summary>
/// Lets a queue listener in this process stop backing off as soon as this process writes to its
/// queue, as the WebJobs SDK's SharedQueueWatcher does.
/// </summary>
public sealed class QueueWriteSignal
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> waiters = new(StringComparer.Ordinal);

    public void Notify(string queueName)
    {
        if (waiters.TryRemove(queueName, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>A task that completes at the next write to <paramref name="queueName"/>.</summary>
    public Task NextWrite(string queueName) =>
        waiters
            .GetOrAdd(queueName, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))
            .Task;
}
