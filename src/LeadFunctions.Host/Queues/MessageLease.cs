using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace LeadFunctions.Host.Queues;

/// <summary>
/// Keeps a received message invisible while its function runs: received for 10 minutes, renewed at
/// half that (azure-sdk-for-net .../Shared/Queues/UpdateQueueMessageVisibilityCommand.cs). Holds the
/// newest pop receipt, which every later update or delete of the message must present.
/// </summary>
internal sealed class MessageLease(QueueClient queue, QueueMessage message, TimeProvider time) : IAsyncDisposable
{
    public static readonly TimeSpan Visibility = TimeSpan.FromMinutes(10);
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
        using var timer = new PeriodicTimer(Visibility / 2, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var receipt = await queue.UpdateMessageAsync(MessageId, PopReceipt, visibilityTimeout: Visibility, cancellationToken: cancellationToken);
                PopReceipt = receipt.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The function finished.
        }
    }
}
