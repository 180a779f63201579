using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Campaigns;
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
