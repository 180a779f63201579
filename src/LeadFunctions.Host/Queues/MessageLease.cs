using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace LeadFunctions.Host.Queues;

/// <summary>
/// Keeps a received message invisible while its function runs: received for the lease (10 minutes
/// in Functions, Runtime:Queues:MessageLease here), renewed at half that (azure-sdk-for-net .../Shared/Queues/UpdateQueueMessageVisibilityCommand.cs). Holds the
/// newest pop receipt, which every later update or delete of the message must present.
/// </summary>
internal sealed class MessageLease(QueueClient queue, QueueMessage message, TimeSpan visibility, TimeProvider time) : IAsyncDisposable
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

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(visibility / 2, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var receipt = await queue.UpdateMessageAsync(MessageId, PopReceipt, visibilityTimeout: visibility, cancellationToken: cancellationToken);
                PopReceipt = receipt.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The function finished.
        }
    }
}
