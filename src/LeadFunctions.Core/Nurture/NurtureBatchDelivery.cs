using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Randomness;

namespace LeadFunctions.Core.Nurture;

/// <summary>
/// A nurture-send message as it is delivered: sent (<see cref="NurtureSender"/>) on its first delivery. A delivery
/// after the first (an earlier one failed, or its host died) hands the message on in two halves instead: each starts
/// its own count of deliveries, so a message longer than its hosts live (a crash loop) gets through in ever shorter
/// parts instead of ending in the poison queue with its sends stranded, and a send that fails every time ends there
/// alone. The halves own the earlier deliveries' claims (uncertain, never sent again).
/// </summary>
public sealed class NurtureBatchDelivery(NurtureSender sender, INurtureSendQueue queue, IIdGenerator ids)
{
    public async Task<NurtureBatchDelivered> DeliverAsync(
        NurtureSendBatch message,
        long dequeueCount,
        CancellationToken cancellationToken
    )
    {
        if (dequeueCount > 1 && message.DueSends().Count > 1)
        {
            var (first, second) = message.Halves(ids.NewId(), ids.NewId());
            await Task.WhenAll(
                queue.EnqueueAsync(first, TimeSpan.Zero, cancellationToken),
                queue.EnqueueAsync(second, TimeSpan.Zero, cancellationToken)
            );
            return new NurtureBatchDelivered(
                (first.DispatchId, second.DispatchId),
                new Dictionary<NurtureSendOutcome, int>()
            );
        }

        var outcomes = await sender.SendAsync(message, cancellationToken);
        return new NurtureBatchDelivered(null, outcomes.CountBy(o => o).ToDictionary());
    }
}

/// <summary>
/// The dispatch ids of the halves it was handed on as, or how many of its sends came to each outcome.
/// </summary>
public sealed record NurtureBatchDelivered(
    (string First, string Second)? HandedOnAs,
    IReadOnlyDictionary<NurtureSendOutcome, int> Outcomes
)
{
    public int Count(NurtureSendOutcome outcome) => Outcomes.GetValueOrDefault(outcome);
}
