using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace LeadFunctions.Host.Queues;

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
