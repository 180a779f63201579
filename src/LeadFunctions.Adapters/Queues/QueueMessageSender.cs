using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Storage.Queues;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Telemetry;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Adapters.Queues;

/// <summary>
/// Sends base64-encoded JSON messages, the format the Functions queue trigger reads. Each send is a producer
/// span whose context the message carries (<see cref="QueueTraceContext"/>), so the function that takes it continues
/// the trace.
/// </summary>
public sealed class QueueMessageSender(QueueServiceClient service, StorageNames names, QueueWriteSignal signal)
{
    private readonly ConcurrentDictionary<string, QueueClient> clients = new(StringComparer.Ordinal);

    public Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken) =>
        SendAsync(queueName, message, TimeSpan.Zero, cancellationToken);

    /// <summary>Sends <paramref name="message"/> to be seen by the queue's readers only after
    /// <paramref name="delay"/>.</summary>
    public async Task SendAsync<T>(string queueName, T message, TimeSpan delay, CancellationToken cancellationToken)
    {
        var physical = names.Queue(queueName);
        var client = clients.GetOrAdd(physical, service.GetQueueClient);
        using var activity = LeadTelemetry.Source.HasListeners()
            ? LeadTelemetry.Source.StartActivity($"send {queueName}", ActivityKind.Producer)
            : null;
        activity?.SetTag(LeadTelemetry.QueueTag, queueName);
        await client.SendMessageAsync(
            QueueTraceContext.Serialize(message, Activity.Current),
            delay > TimeSpan.Zero ? delay : null,
            cancellationToken: cancellationToken
        );
        signal.Notify(physical);
    }
}

/// <summary>
/// How a function reads a queue message's body, on the self-hosted runtime and in the FunctionApp alike: the JSON
/// <see cref="QueueMessageSender"/> writes (<see cref="JsonDefaults"/>); a message of JSON <c>null</c> fails, naming
/// its queue.
/// </summary>
public static class QueueMessageBody
{
    public static T Read<T>(BinaryData body, string queueName) =>
        body.ToObjectFromJson<T>(JsonDefaults.Options)
        ?? throw new InvalidOperationException($"The message on {queueName} is empty.");
}

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
