using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Queues;

namespace LeadFunctions.Host.Queues;

/// <summary>A function bound to a queue: its name (for logs), the logical queue name and how to invoke it (with the
/// message's dequeue count).</summary>
public sealed record QueueTrigger(
    string FunctionName,
    string QueueName,
    Func<IServiceProvider, BinaryData, long, CancellationToken, Task> Invoke
);

public static class QueueTriggerRegistration
{
    /// <summary>
    /// Binds <typeparamref name="TFunction"/> to a queue. The message body is JSON deserialized to
    /// <typeparamref name="TMessage"/>, as the worker binds a POCO; a body that does not bind fails
    /// like any other error and ends in the poison queue after the last try.
    /// </summary>
    public static IServiceCollection AddQueueTrigger<TFunction, TMessage>(
        this IServiceCollection services,
        string functionName,
        string queueName,
        Func<TFunction, TMessage, CancellationToken, Task> run
    )
        where TFunction : notnull =>
        services.AddQueueTrigger<TFunction, TMessage>(
            functionName,
            queueName,
            (function, message, _, cancellationToken) => run(function, message, cancellationToken)
        );

    /// <summary>As above, for a function that also takes the message's dequeue count (the trigger's DequeueCount
    /// metadata on Functions).</summary>
    public static IServiceCollection AddQueueTrigger<TFunction, TMessage>(
        this IServiceCollection services,
        string functionName,
        string queueName,
        Func<TFunction, TMessage, long, CancellationToken, Task> run
    )
        where TFunction : notnull
    {
        // Triggers on poison queues (re-driving failed work) would need a listener without a poison queue of its own.
        if (queueName.EndsWith(QueueNames.PoisonSuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException("This runtime does not listen to poison queues.", nameof(queueName));
        }

        return services.AddSingleton(
            new QueueTrigger(functionName, queueName, (provider, body, dequeueCount, cancellationToken) =>
                run(
                    provider.GetRequiredService<TFunction>(),
                    QueueMessageBody.Read<TMessage>(body, queueName),
                    dequeueCount,
                    cancellationToken
                )
            )
        );
    }
}

/// <summary>
/// Keeps a received message invisible while its function runs: received for the lease (10 minutes
/// in Functions, Runtime:Queues:MessageLease here), renewed at half that (azure-sdk-for-net
/// .../Shared/Queues/UpdateQueueMessageVisibilityCommand.cs). Holds the newest pop receipt, which every later update or
/// delete of the message must present.
/// </summary>
internal sealed class MessageLease(QueueClient queue, QueueMessage message, TimeSpan visibility, TimeProvider time)
    : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private Task renewal = Task.CompletedTask;

    public string MessageId => message.MessageId;

    public string PopReceipt { get; private set; } = message.PopReceipt;

    public void StartRenewing() => renewal = RenewAsync(stop.Token);

    public async Task StopRenewingAsync()
    {
        await stop.CancelAsync();
        await renewal;
    }

    public async ValueTask DisposeAsync()
    {
        await StopRenewingAsync();
        stop.Dispose();
    }

    /// <summary>
    /// Renews at half the lease. A failed renewal is tried again sooner (a tenth of the lease) instead of
    /// ending renewal, and never fails the function: its message is still deleted (or released) after it
    /// runs. A 404 means the message or this receipt is gone (deleted, or the lease ran out and another
    /// instance took it): nothing left to renew.
    /// </summary>
    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        var wait = visibility / 2;
        try
        {
            while (true)
            {
                await Task.Delay(wait, time, cancellationToken);
                try
                {
                    var receipt = await queue.UpdateMessageAsync(
                        MessageId,
                        PopReceipt,
                        visibilityTimeout: visibility,
                        cancellationToken: cancellationToken
                    );
                    PopReceipt = receipt.Value.PopReceipt;
                    wait = visibility / 2;
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    return;
                }
                catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException)
                {
                    wait = visibility / 10;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The function finished.
        }
    }
}
