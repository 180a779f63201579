using System.Net;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using LeadFunctions.Adapters.Queues;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Randomness;

namespace LeadFunctions.Adapters.Nurture;

/// <summary>nurture-send. A batch too big for one queue message goes as halves
/// (<see cref="NurtureSendBatch.Halves"/>).</summary>
public sealed class NurtureSendQueue(QueueMessageSender sender, IIdGenerator ids) : INurtureSendQueue
{
    public Task EnqueueAsync(NurtureSendBatch batch, TimeSpan visibleAfter, CancellationToken cancellationToken) =>
        Task.WhenAll(
            Fit(batch, ids)
                .Select(part => sender.SendAsync(QueueNames.NurtureSend, part, visibleAfter, cancellationToken))
        );

    /// <summary><paramref name="batch"/> as it is when it fits a message, else halved until each part does.</summary>
    public static IReadOnlyList<NurtureSendBatch> Fit(NurtureSendBatch batch, IIdGenerator ids)
    {
        if (batch.DueSends().Count < 2 || QueueMessageSize.Fits(batch))
        {
            return [batch];
        }

        var (first, second) = batch.Halves(ids.NewId(), ids.NewId());
        return [.. Fit(first, ids), .. Fit(second, ids)];
    }
}

/// <summary>nurture-send-poison, as the queue trigger leaves it: the original message's base64 text, moved as it
/// was.</summary>
public sealed class PoisonedNurtureSendQueue(QueueServiceClient service, StorageNames names) : IPoisonedNurtureSends
{
    private readonly QueueClient queue = service.GetQueueClient(names.Queue(QueueNames.Poison(QueueNames.NurtureSend)));

    public async Task<IReadOnlyList<PoisonedNurtureSend>> TakeAsync(
        int max,
        TimeSpan hide,
        CancellationToken cancellationToken
    )
    {
        // A poison queue is made by the first message that fails for good: asked for by name before then, it answers
        // 404, a warning in the log. Listed by its name, it answers an empty list.
        if (!await ExistsAsync(cancellationToken))
        {
            return [];
        }

        try
        {
            var messages = (await queue.ReceiveMessagesAsync(max, hide, cancellationToken)).Value;
            return
            [
                .. messages
                    .Select(m =>
                        Read(m.Body) is { } batch ? new PoisonedNurtureSend(batch, m.MessageId, m.PopReceipt) : null
                    )
                    .OfType<PoisonedNurtureSend>(),
            ];
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return []; // deleted since it was listed
        }
    }

    private async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        await foreach (var listed in service.GetQueuesAsync(prefix: queue.Name, cancellationToken: cancellationToken))
        {
            if (listed.Name == queue.Name)
            {
                return true;
            }
        }

        return false;
    }

    public Task DeleteAsync(PoisonedNurtureSend message, CancellationToken cancellationToken) =>
        queue.DeleteMessageAsync(message.MessageId, message.Receipt, cancellationToken);

    private static NurtureSendBatch? Read(BinaryData body)
    {
        try
        {
            return QueueMessageBody.Read<NurtureSendBatch>(body, QueueNames.NurtureSend) is { Steps: not null } batch
                ? batch
                : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
