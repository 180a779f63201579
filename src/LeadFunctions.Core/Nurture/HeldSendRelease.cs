using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Nurture;

/// <summary>
/// campaign-resume: the held sends of a resumed campaign, a page per message (the rest in a message queued after it),
/// sent (put back into the due index as due now, keeping their due time) or skipped (the step recorded skipped and the
/// enrollment moved on, through <see cref="LeadUpdater"/>; a wait, or an uncertain send to be tried once more, is
/// always put back). At least once and idempotent: an entry leaves the held place only after its work is written, and a
/// skip whose enrollment has moved on writes nothing.
/// </summary>
public sealed class HeldSendRelease(
    ICampaignStore store,
    IDueSendIndex index,
    LeadUpdater updater,
    ICampaignResumeQueue queue,
    IRecipientTimeZones zones
)
{
    public const string MissedNote = "missed while the campaign was paused";

    /// <summary>Held sends one message releases; a full page queues the rest.</summary>
    internal const int PageSize = 500;

    /// <summary>
    /// When the last look comes: past the campaign cache's refresh (30 s), so every host has seen the resume, plus a
    /// timer run's length. A send held in that time by a host that still saw the campaign paused is released then.
    /// </summary>
    public static readonly TimeSpan FinalLookAfter = TimeSpan.FromMinutes(2);

    private const int LeadsAtOnce = 8;

    public async Task<HeldSendSummary> RunAsync(CampaignResume request, CancellationToken cancellationToken)
    {
        // Read from the store, not the cache: a campaign paused again keeps its sends held for the next resume, and an
        // archived one has them sent, so that the send function stops each enrollment.
        var campaign = await store.GetAsync(request.CampaignId, cancellationToken);
        if (campaign is null or { Active: false, Archived: false })
        {
            return new HeldSendSummary(0, 0);
        }

        var held = await index.ReadHeldAsync(campaign.Id, PageSize, cancellationToken);
        var skip =
            campaign.Archived || request.Missed != MissedSends.Skip
                ? []
                : held.Where(e => e.Send.DueAt <= request.ResumedAt).ToList();
        await index.AddAsync([.. held.Except(skip).Select(e => e.Send)], cancellationToken);
        var putBacks = 0;
        await Parallel.ForEachAsync(
            skip,
            new ParallelOptions { MaxDegreeOfParallelism = LeadsAtOnce, CancellationToken = cancellationToken },
            async (entry, ct) =>
            {
                var putBack = false;
                await updater.UpdateAsync(
                    entry.Send.LeadId,
                    snapshot =>
                    {
                        var (skipped, onIt) = Skip(snapshot, campaign, entry.Send, request.ResumedAt);
                        putBack = onIt;
                        return Task.FromResult(skipped);
                    },
                    ct,
                    leadRowOnly: true
                );
                if (putBack)
                {
                    await index.AddAsync([entry.Send], ct);
                    Interlocked.Increment(ref putBacks);
                }
            }
        );
        await index.RemoveAsync(held, cancellationToken);

        if (held.Count == PageSize)
        {
            await queue.EnqueueAsync(request, TimeSpan.Zero, cancellationToken);
        }
        else if (!request.Final)
        {
            await queue.EnqueueAsync(request with { Final = true }, FinalLookAfter, cancellationToken);
        }

        return new HeldSendSummary(held.Count - skip.Count + putBacks, skip.Count - putBacks);
    }

    /// <summary>
    /// The held step passed over, when the enrollment still waits for it at that due time; else nothing to do. A step
    /// the enrollment already has a record of (a wait's timeout, an uncertain send to be tried once more) is not a
    /// missed email: it goes back into the index as due (<c>OnIt</c>), for the send function to decide.
    /// </summary>
    private (LeadChange? Skipped, bool OnIt) Skip(
        LeadSnapshot snapshot,
        Campaign campaign,
        DueSend send,
        DateTimeOffset now
    )
    {
        if (
            snapshot.Lead is null
            || snapshot.EnrollmentIn(campaign.Id) is not { Status: EnrollmentStatus.Active } enrollment
            || enrollment.NextStepId != send.StepId
            || enrollment.NextDueAt != send.DueAt
        )
        {
            return (null, false);
        }

        if (enrollment.Step(send.StepId) is not null)
        {
            return (null, true);
        }

        var record = new StepRecord
        {
            StepId = send.StepId,
            State = StepState.Skipped,
            SendId = NurtureSender.SendId(send.LeadId, campaign.Id, send.StepId, enrollment.Reentries),
            Note = MissedNote,
        };
        return (
            EnrollmentChanges.Pass(snapshot, campaign, enrollment, record, now, () => zones.ZoneOf(snapshot.Lead)),
            false
        );
    }
}

/// <summary>What one campaign-resume message did: held sends put back as due, and steps skipped (or found moved
/// on).</summary>
public sealed record HeldSendSummary(int Released, int Skipped);
