using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Randomness;

namespace LeadFunctions.Core.Nurture;

/// <summary>
/// Gives nurture-send's poisoned messages another go, so that a send whose message failed every delivery (a storage
/// outage, a host crash loop) is not stranded: its due index entry was taken out when it was queued, so nothing else
/// would ever send it. The message goes back on nurture-send as a new message that owns the old one's claims (a claim
/// made by a delivery that died is counted uncertain, never sent again); what was dealt with since drops out as stale.
/// A message re-driven <see cref="MaxRedrives"/> times stays in the poison queue for a person to look at (the
/// dashboard and /api/health count it); the rival check does not wait for its sends
/// (<see cref="NurtureRules.RivalOverdueLimit"/>).
/// </summary>
public sealed class NurtureRedrive(IPoisonedNurtureSends poison, INurtureSendQueue queue, IIdGenerator ids)
{
    public const int MaxRedrives = 3;

    /// <summary>Messages taken at a time: the poison queue is empty unless something is badly wrong.</summary>
    public const int TakenAtOnce = 32;

    /// <summary>A message left in the poison queue is looked at again this much later.</summary>
    public static readonly TimeSpan LeftFor = TimeSpan.FromHours(1);

    /// <summary>Re-drives what the poison queue holds; returns how many messages went back on nurture-send.</summary>
    public async Task<int> RedriveAsync(CancellationToken cancellationToken)
    {
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
}
