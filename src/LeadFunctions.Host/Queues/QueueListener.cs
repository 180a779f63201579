using System.Diagnostics;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Telemetry;
using LeadFunctions.Host.Configuration;
using OpenTelemetry;

namespace LeadFunctions.Host.Queues;

/// <summary>
/// One queue-triggered function, with the Storage Queues extension's semantics
/// (azure-sdk-for-net sdk/storage/Microsoft.Azure.WebJobs.Extensions.Storage.Common/src/Shared/Queues/QueueListener.cs
/// and QueueProcessor.cs): receive up to batchSize, run one task per message, poll again once no more
/// than newBatchThreshold are running, back off when idle, retry through the dequeue count and move a
/// message to "{queue}-poison" after maxDequeueCount failures.
/// </summary>
internal sealed class QueueListener(
    QueueTrigger trigger,
    QueueClient queue,
    QueueClient poisonQueue,
    QueuesOptions options,
    TimeSpan maxPollingInterval,
    TimeSpan messageLease,
    QueueWriteSignal signal,
    FunctionTimeout timeout,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger logger
)
{
    public static readonly TimeSpan BurstWindow = TimeSpan.FromMilliseconds(50);
    private readonly PollingBackoff backoff = new(maxPollingInterval, Random.Shared);
    private readonly List<Task> running = [];

    public async Task RunAsync(CancellationToken stopping)
    {
        Log.Listening(logger, queue.Name, trigger.FunctionName);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await WaitForCapacityAsync(stopping);
                var messages = await ReceiveAsync(stopping);
                if (messages is null or { Length: 0 })
                {
                    await WaitAsync(backoff.Next(), stopping);
                    continue;
                }

                backoff.MessagesSeen();
                running.AddRange(
                    messages.Select(m => Task.Run(() => ProcessAsync(m, stopping), CancellationToken.None))
                );
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: no more receives.
        }

        // Graceful stop: the functions see their token cancelled, and each message is still completed or released.
        await Task.WhenAll(running);
    }

    private async Task WaitForCapacityAsync(CancellationToken stopping)
    {
        running.RemoveAll(t => t.IsCompleted);
        while (running.Count > options.EffectiveNewBatchThreshold)
        {
            await Task.WhenAny(running).WaitAsync(stopping);
            running.RemoveAll(t => t.IsCompleted);
        }
    }

    private async Task<QueueMessage[]?> ReceiveAsync(CancellationToken stopping)
    {
        // A poll is not work: traced, it would be a trace of its own on every queue every few seconds.
        using var untraced = SuppressInstrumentationScope.Begin();
        try
        {
            return (await queue.ReceiveMessagesAsync(options.BatchSize, messageLease, stopping)).Value;
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            // Storage down or unreachable (the SDK's AggregateException of its tries, among others), or the
            // queue deleted: the listener backs off and keeps polling; it must never take the host down.
            Log.PollFailed(logger, ex, queue.Name);
            if (ex is RequestFailedException { Status: 404 })
            {
                await CreateQueueAsync(stopping);
            }

            return null;
        }
    }

    private async Task CreateQueueAsync(CancellationToken stopping)
    {
        try
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: stopping);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            Log.PollFailed(logger, ex, queue.Name);
        }
    }

    /// <summary>
    /// Waits out the back-off, cut short by a write to this queue from this process. A write wakes the
    /// listener after <see cref="BurstWindow"/>, so that one receive takes the burst it belongs to:
    /// at 100 leads/s that is several messages per receive instead of one, for 50 ms of latency.
    /// </summary>
    private async Task WaitAsync(TimeSpan delay, CancellationToken stopping)
    {
        var written = signal.NextWrite(queue.Name);
        if (
            await Task.WhenAny(Task.Delay(delay, time, stopping), written).WaitAsync(stopping) == written
            && delay > BurstWindow
        )
        {
            await Task.Delay(BurstWindow, time, stopping);
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stopping)
    {
        try
        {
            if (message.DequeueCount > options.MaxDequeueCount || !TryDecode(message, out var body))
            {
                await MoveToPoisonAsync(message, message.PopReceipt);
                return;
            }

            using var activity = StartActivity(message, body);
            await using var lease = new MessageLease(queue, message, messageLease, time);
            lease.StartRenewing();
            Exception? failure = null;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await timeout.InvokeAsync(
                    trigger.FunctionName,
                    logger,
                    ct => trigger.Invoke(scope.ServiceProvider, body, message.DequeueCount, ct),
                    stopping
                );
            }
            catch (Exception ex)
            {
                failure = ex;
                // The type only: an exception's message may quote the input.
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            }

            await lease.StopRenewingAsync();
            await CompleteAsync(message, lease.PopReceipt, failure);
        }
        catch (Exception ex)
        {
            // Completing failed (storage unreachable): the message stays invisible until its lease runs
            // out, then is delivered again.
            Log.CompleteFailed(logger, ex, message.MessageId, queue.Name);
        }
    }

    /// <summary>
    /// The function's span, a child of the span that sent the message when the message carries its context,
    /// and the message's time on the queue.
    /// </summary>
    private Activity? StartActivity(QueueMessage message, BinaryData body)
    {
        var queueTag = new KeyValuePair<string, object?>(LeadTelemetry.QueueTag, trigger.QueueName);
        if (message.InsertedOn is { } inserted)
        {
            LeadTelemetry.QueueMessageAge.Record(Math.Max(0, (time.GetUtcNow() - inserted).TotalSeconds), queueTag);
        }

        if (!LeadTelemetry.Source.HasListeners())
        {
            return null;
        }

        var activity = LeadTelemetry.Source.StartActivity(
            trigger.FunctionName,
            ActivityKind.Consumer,
            QueueTraceContext.Read(body),
            [queueTag]
        );
        activity?.SetTag("messaging.message.id", message.MessageId);
        activity?.SetTag("messaging.azure.queue.dequeue_count", message.DequeueCount);
        return activity;
    }

    private async Task CompleteAsync(QueueMessage message, string popReceipt, Exception? failure)
    {
        // Never cancelled: a message whose function finished must be deleted or released.
        if (failure is null)
        {
            await DeleteAsync(message.MessageId, popReceipt);
            return;
        }

        Log.Failed(
            logger,
            failure,
            trigger.FunctionName,
            message.MessageId,
            message.DequeueCount,
            options.MaxDequeueCount
        );
        if (message.DequeueCount >= options.MaxDequeueCount)
        {
            await MoveToPoisonAsync(message, popReceipt);
        }
        else
        {
            await queue.UpdateMessageAsync(
                message.MessageId,
                popReceipt,
                visibilityTimeout: options.VisibilityTimeout,
                cancellationToken: CancellationToken.None
            );
        }
    }

    /// <summary>
    /// Deletes a completed message. As the Functions host does (WebJobs' QueueProcessor.DeleteMessageAsync), a message
    /// already gone (404: deleted by an earlier try of this very delete whose answer was lost, expired, or its queue
    /// deleted) or taken over by another receiver (400 PopReceiptMismatch) is not an error: there is nothing left to
    /// delete, and nothing will be delivered again on this receiver's account.
    /// </summary>
    private async Task DeleteAsync(string messageId, string popReceipt)
    {
        try
        {
            await queue.DeleteMessageAsync(messageId, popReceipt, CancellationToken.None);
        }
        catch (RequestFailedException gone)
            when (gone.Status == 404 || gone.ErrorCode == QueueErrorCode.PopReceiptMismatch.ToString())
        {
            Log.AlreadyGone(logger, messageId, queue.Name, gone.ErrorCode);
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, string popReceipt)
    {
        // The raw text is copied as it was, so the poison message decodes like the original did.
        await poisonQueue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        await poisonQueue.SendMessageAsync(message.Body.ToString(), CancellationToken.None);
        await DeleteAsync(message.MessageId, popReceipt);
        signal.Notify(poisonQueue.Name);
        LeadTelemetry.LeadsPoisoned.Add(
            1,
            new KeyValuePair<string, object?>(LeadTelemetry.QueueTag, trigger.QueueName)
        );
        Log.Poisoned(logger, message.MessageId, poisonQueue.Name);
    }

    private bool TryDecode(QueueMessage message, out BinaryData body)
    {
        if (!options.IsBase64)
        {
            body = message.Body;
            return true;
        }

        var text = message.Body.ToString();
        var bytes = new byte[text.Length];
        if (Convert.TryFromBase64String(text, bytes, out var written))
        {
            body = new BinaryData(bytes.AsMemory(0, written));
            return true;
        }

        body = BinaryData.Empty;
        return false;
    }
}

/// <summary>
/// How long an idle queue listener waits before polling again: 100 ms at the first empty receive after
/// messages were seen, otherwise growing exponentially with ±20 % jitter up to maxPollingInterval
/// (azure-webjobs-sdk src/Microsoft.Azure.WebJobs.Host/Timers/RandomizedExponentialBackoffStrategy.cs,
/// and QueueListener's "found a message since the last delay").
/// </summary>
internal sealed class PollingBackoff(TimeSpan maximum, Random random)
{
    public static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Delta = TimeSpan.FromMilliseconds(100);
    private int failures;
    private bool seenSinceLastDelay;

    /// <summary>A receive returned messages: the next wait is the minimum and the growth starts over.</summary>
    public void MessagesSeen() => seenSinceLastDelay = true;

    /// <summary>The wait after an empty receive.</summary>
    public TimeSpan Next()
    {
        if (seenSinceLastDelay)
        {
            (seenSinceLastDelay, failures) = (false, 0);
            return Minimum;
        }

        failures = Math.Min(failures + 1, 30);
        var randomized = Delta.TotalMilliseconds * (0.8 + (random.NextDouble() * 0.4)) * Math.Pow(2, failures - 1);
        var delay = Minimum + TimeSpan.FromMilliseconds(randomized);
        return delay < maximum ? delay : maximum;
    }
}
