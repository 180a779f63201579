namespace LeadFunctions.Core.Health;

/// <summary>Storage as the health check needs to see it; implemented by the storage adapter.</summary>
public interface IStorageProbe
{
    /// <summary>Whether storage answers, and every work queue's backlog. Storage that does not answer is reported, not
    /// thrown.</summary>
    Task<StorageState> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>Each work queue's backlog, or, when storage could not be read, what it answered
/// (<see cref="Failure"/>).</summary>
public sealed record StorageState(IReadOnlyList<QueueBacklog> Queues, string? Failure, Exception? Error)
{
    public static StorageState Reachable(IReadOnlyList<QueueBacklog> queues) => new(queues, null, null);

    public static StorageState Unreachable(string failure, Exception error) => new([], failure, error);
}

/// <param name="Queue">The queue's name as in docs/reference.md, without the storage name prefix.</param>
/// <param name="Count">Messages in the queue (approximate, as storage counts them).</param>
/// <param name="PoisonCount">Messages in its poison queue: work that failed for good.</param>
/// <param name="OldestQueuedAt">When the message at the front was queued; null when none is visible.</param>
public sealed record QueueBacklog(string Queue, int Count, int PoisonCount, DateTimeOffset? OldestQueuedAt);
