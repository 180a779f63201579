using LeadFunctions.Core.Randomness;

namespace LeadFunctions.Core.Nurture;

/// <summary>The nurture-send queue.</summary>
public interface INurtureSendQueue
{
    /// <summary>Queues <paramref name="batch"/>, seen by the send function only after <paramref name="visibleAfter"/>
    /// (whole seconds: the queue's own resolution).</summary>
    Task EnqueueAsync(NurtureSendBatch batch, TimeSpan visibleAfter, CancellationToken cancellationToken);
}

/// <summary>nurture-send's poison queue: the messages whose every delivery failed.</summary>
public interface IPoisonedNurtureSends
{
    /// <summary>
    /// Up to <paramref name="max"/> of them, each hidden from the next take for <paramref name="hide"/>; a message
    /// that is not a nurture-send message is left where it is, for a person to look at.
    /// </summary>
    Task<IReadOnlyList<PoisonedNurtureSend>> TakeAsync(int max, TimeSpan hide, CancellationToken cancellationToken);

    Task DeleteAsync(PoisonedNurtureSend message, CancellationToken cancellationToken);
}

/// <summary>A poisoned message and what its deletion needs.</summary>
public sealed record PoisonedNurtureSend(NurtureSendBatch Batch, string MessageId, string Receipt);

/// <summary>
/// Gives nurture-send's poisoned messages another go, so that a send whose message failed every delivery (a storage
/// outage, a host crash loop) is not stranded: its due index entry was taken out when it was queued, so nothing else
/// would ever send it. The message goes back on nurture-send as a new message that owns the old one's claims (a claim
/// made by a delivery that died is counted uncertain, never sent again); what was dealt with since drops out as stale.
/// A message re-driven <see cref="MaxRedrives"/> times stays in the poison queue for a person to look at (the
/// dashboard and /api/health count it); the rival check does not wait for its sends
/// (<see cref="NurtureRules.RivalOverdueLimit"/>). The poison queue is looked at on a host's first timer run and then
/// on the first run of each minute, as when the timer ran once a minute: it runs every few seconds now, and twelve
/// looks a minute at a queue that is nearly always empty, or not there at all, would cost more than they find.
/// </summary>
public sealed class NurtureRedrive(
    IPoisonedNurtureSends poison,
    INurtureSendQueue queue,
    IIdGenerator ids,
    TimeProvider time
)
{
    public const int MaxRedrives = 3;

    /// <summary>The minute (since 0001-01-01) the poison queue was last looked at; none yet at first.</summary>
    private long lookedAt = -1;

    /// <summary>Messages taken at a time: the poison queue is empty unless something is badly wrong.</summary>
    public const int TakenAtOnce = 32;

    /// <summary>A message left in the poison queue is looked at again this much later.</summary>
    public static readonly TimeSpan LeftFor = TimeSpan.FromHours(1);

    /// <summary>Re-drives what the poison queue holds, once a minute; returns how many messages went back on
    /// nurture-send.</summary>
    public async Task<int> RedriveAsync(CancellationToken cancellationToken)
    {
        // The timer runs one at a time in a host: no two runs race here.
        if (Minute(time.GetUtcNow()) is var minute && minute == lookedAt)
        {
            return 0;
        }

        lookedAt = minute;
        var redriven = 0;
        foreach (var message in await poison.TakeAsync(TakenAtOnce, LeftFor, cancellationToken))
        {
            if (message.Batch.Redriven >= MaxRedrives)
            {
                continue;
            }

            // Queued before deleted: a crash in between re-drives it twice, and the second copy drops what the first
            // did.
            await queue.EnqueueAsync(message.Batch.Redrive(ids.NewId()), TimeSpan.Zero, cancellationToken);
            await poison.DeleteAsync(message, cancellationToken);
            redriven++;
        }

        return redriven;
    }

    private static long Minute(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerMinute;
}

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
