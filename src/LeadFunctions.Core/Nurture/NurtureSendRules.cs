using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Nurture;

/// <summary>
/// Whether a due send goes now, in this order: a stale entry drops; a wait whose time is up takes its timeout branch
/// (after the checks of an archived or paused campaign, a removed step and a stop condition); a claim of this message's
/// own earlier delivery (or of a message it was handed on from) is uncertain, or sent if SendGrid's event confirmed it;
/// a send left uncertain goes once more if so set (<see cref="NurtureRules.ResendUnconfirmedAfter"/>) unless an event
/// settled it meanwhile; an archived campaign stops the enrollment, a paused one's send is held (<see
/// cref="IDueSendIndex.HoldAsync"/>); a removed step is passed over; a stop condition (stage, or an event since
/// enrolling) stops; the person's gap since their last nurture email (not for a send tried once more, <see
/// cref="NurtureRules.ResendUnconfirmedAfter"/>, nor for a reminder timed to a date after its own enrollment's email)
/// and a higher-priority campaign's due send (not one long overdue) defer it, and a step timed to a date that they
/// would hold more than <see cref="StepTimes.Grace"/> past its time is missed; outside the send window it moves to the
/// next opening (never dropped); then the send policy (consent, suppression): a pending double opt-in waits, any other
/// "no" stops. The suppression entry may come read already (<see cref="NurtureSender"/> reads it with the lead row,
/// ahead).
/// </summary>
public sealed class NurtureSendRules(
    ICampaignCatalog campaigns,
    IDueSendIndex index,
    ISuppressionList suppressions,
    IRecipientTimeZones zones,
    NurtureRenderer renderer,
    NurtureRules rules,
    ConsentSettings consent,
    TimeProvider time
)
{
    internal async Task<NurtureSendDecision> DecideAsync(
        LeadSnapshot snapshot,
        DueSend send,
        NurtureSendBatch batch,
        Task<bool>? suppressedRead,
        CancellationToken cancellationToken
    )
    {
        if (
            snapshot.Lead is not { } lead
            || snapshot.EnrollmentIn(send.CampaignId) is not { Status: EnrollmentStatus.Active } enrollment
            || enrollment.NextStepId != send.StepId
        )
        {
            return NurtureSendDecision.Drop;
        }

        // A claim leaves the due time as it is: an entry due at another time is stale, whatever the step's state.
        if (enrollment.NextDueAt != send.DueAt)
        {
            return NurtureSendDecision.Drop;
        }

        var campaign = await campaigns.FindAsync(send.CampaignId, cancellationToken);
        var now = time.GetUtcNow();
        var zone = zones.ZoneOf(lead);
        TimeZoneInfo ZoneOf() => zone;
        var resend = false;
        if (enrollment.Step(send.StepId) is { } dealtWith)
        {
            switch (dealtWith)
            {
                case { State: StepState.Sending } when batch.Owns(dealtWith.DispatchId):
                    return OwnClaim(snapshot, campaign, enrollment, dealtWith, now, ZoneOf);

                // Waiting to be sent once more, it was settled by SendGrid's event meanwhile: on to the next step.
                case { State: StepState.Sent }:
                    return new(
                        EnrollmentChanges.Pass(snapshot, campaign, enrollment, null, now, ZoneOf),
                        NurtureSendOutcome.Dropped
                    );
                case { State: StepState.Uncertain, Resent: false } when rules.ResendUnconfirmedAfter is not null:
                    resend = true;
                    break;

                // A wait whose time is up (one woken meanwhile has moved on, and its entry is stale).
                case { State: StepState.Waiting }:
                    break;
                default:
                    return NurtureSendDecision.Drop;
            }
        }

        if (campaign is null or { Archived: true })
        {
            return new(
                EnrollmentChanges.Stop(snapshot, enrollment, "the campaign was archived"),
                NurtureSendOutcome.Stopped
            );
        }

        if (!campaign.Active)
        {
            // Paused after the timer queued it: put aside as the timer would have, the lead row left as it is.
            await index.HoldAsync([send], cancellationToken);
            return NurtureSendDecision.Held;
        }

        if (campaign.Steps.FirstOrDefault(s => s.Id == send.StepId) is not { } step)
        {
            return new(
                EnrollmentChanges.Pass(snapshot, campaign, enrollment, null, now, ZoneOf),
                NurtureSendOutcome.Skipped
            );
        }

        if (campaign.StopWhen.ReasonFor(lead.Stage, lead.EventTypesSince(enrollment.EnrolledAt)) is { } stop)
        {
            return new(EnrollmentChanges.Stop(snapshot, enrollment, stop), NurtureSendOutcome.Stopped);
        }

        // A wait sends nothing: no gap, window or consent holds it back.
        if (EnrollmentSteps.TimeOut(campaign, enrollment, lead, now, ZoneOf) is { } timedOut)
        {
            return new(EnrollmentChanges.Moved(snapshot, lead, timedOut), NurtureSendOutcome.TimedOut);
        }

        // A reminder the day before that cannot go until the day has passed does not go at all.
        var later = await NotBeforeAsync(
            snapshot,
            lead,
            campaign,
            GapHolds(step, enrollment, lead, resend),
            now,
            zone,
            cancellationToken
        );
        if (!resend && StepTimes.TooLate(step, enrollment, ZoneOf, later ?? now))
        {
            return new(
                EnrollmentChanges.Pass(
                    snapshot,
                    campaign,
                    enrollment,
                    EnrollmentSteps.Missed(step, now),
                    now,
                    ZoneOf,
                    [new StatDelta(campaign.Id, step.Id, CampaignMetric.Missed)]
                ),
                NurtureSendOutcome.Skipped
            );
        }

        if (later is { } notBefore)
        {
            return new(EnrollmentChanges.Reschedule(snapshot, enrollment, notBefore), NurtureSendOutcome.Rescheduled);
        }

        var suppressed = await (suppressedRead ?? suppressions.IsSuppressedAsync(lead.Email, cancellationToken));
        if (SendPolicy.Decide(lead, suppressed, consent.Policy) is { Allowed: false } refused)
        {
            return
                !suppressed
                && lead.Consent.Email == ConsentStatus.Pending
                && now - enrollment.EnrolledAt < consent.ConfirmationTtl
                ? new(
                    EnrollmentChanges.Reschedule(snapshot, enrollment, now + NurtureRules.PendingConsentRecheck),
                    NurtureSendOutcome.Rescheduled
                )
                : new(EnrollmentChanges.Stop(snapshot, enrollment, refused.Reason!), NurtureSendOutcome.Stopped);
        }

        var sendId = NurtureSender.SendId(lead.Id, campaign.Id, step.Id, enrollment.Reentries);
        var variant = StepVariants.For(
            step,
            lead.Id,
            campaign.Id,
            enrollment.Reentries,
            enrollment.Step(step.Id)?.Variant
        );
        RenderedEmail email;
        try
        {
            email = await renderer.RenderAsync(campaign, variant.Step, lead, sendId);
        }
        catch (InvalidOperationException ex)
        {
            var failed = new StepRecord
            {
                StepId = step.Id,
                State = StepState.Failed,
                SendId = sendId,
                Note = ex.Message,
            };
            return new(
                EnrollmentChanges.Pass(snapshot, campaign, enrollment, failed, now, ZoneOf),
                NurtureSendOutcome.Skipped
            );
        }

        var record = new StepRecord
        {
            StepId = step.Id,
            State = StepState.Sending,
            SendId = sendId,
            DispatchId = batch.DispatchId,
            ClaimedAt = now,
            Resent = resend,
            Variant = variant.Variant,
        };
        var claim = EnrollmentChanges.Write(snapshot, lead with { LastNurtureAt = now }, enrollment.WithStep(record));
        return new(
            claim,
            NurtureSendOutcome.Sent,
            new Claim(lead, campaign, step, record, email, lead.LastNurtureAt, ZoneOf)
        );
    }

    /// <summary>
    /// This message's own claim, found on its redelivery: the sender died between the claim and recording what
    /// SendGrid answered. Sent when SendGrid's event has confirmed it since; else uncertain, and either never sent
    /// again or, with <see cref="NurtureRules.ResendUnconfirmedAfter"/> and not tried once more already, the
    /// enrollment waits on the step that long for SendGrid's word, then sends it once more.
    /// </summary>
    private NurtureSendDecision OwnClaim(
        LeadSnapshot snapshot,
        Campaign? campaign,
        Enrollment enrollment,
        StepRecord claim,
        DateTimeOffset now,
        Func<TimeZoneInfo> zoneOf
    )
    {
        StatDelta Count(CampaignMetric metric, int count = 1) =>
            StatDelta.Of(enrollment.CampaignId, claim, metric, count);
        const string Died = "claimed, then the sender died before recording the send";
        if (claim.ConfirmedAt is { } confirmed)
        {
            var sent = claim with
            {
                State = StepState.Sent,
                SentAt = confirmed,
                Note = $"{Died}; SendGrid's event confirmed it",
            };
            return new(
                EnrollmentChanges.Pass(
                    snapshot,
                    campaign,
                    enrollment,
                    sent,
                    now,
                    zoneOf,
                    claim.Resent
                        ? [Count(CampaignMetric.Sent), Count(CampaignMetric.Uncertain, -1)]
                        : [Count(CampaignMetric.Sent)]
                ),
                NurtureSendOutcome.Sent
            );
        }

        var uncertain = claim with { State = StepState.Uncertain, Note = Died };
        if (claim.Resent || rules.ResendUnconfirmedAfter is not { } after)
        {
            // Counted uncertain once: a second try that died too is the same uncertain send.
            return new(
                EnrollmentChanges.Pass(
                    snapshot,
                    campaign,
                    enrollment,
                    uncertain,
                    now,
                    zoneOf,
                    claim.Resent ? [] : [Count(CampaignMetric.Uncertain)]
                ),
                NurtureSendOutcome.Uncertain
            );
        }

        return new(
            EnrollmentChanges.Reschedule(
                snapshot,
                enrollment.WithStep(uncertain),
                now + after,
                [Count(CampaignMetric.Uncertain)]
            ),
            NurtureSendOutcome.Uncertain
        );
    }

    /// <summary>
    /// Whether the gap since the person's last nurture email holds this send back. Not for one more try of the same
    /// email (it is not another email), nor for a step timed to a date (a reminder) when that last email was its own
    /// enrollment's: the campaign's author timed the day before and the hour before, less than a gap apart for a
    /// morning webinar, and the second would otherwise be missed. Another campaign's email still holds it.
    /// </summary>
    private static bool GapHolds(CampaignStep step, Enrollment enrollment, Lead lead, bool resend) =>
        !resend
        && !(
            step.At?.RelativeTo is not null
            && lead.LastNurtureAt is { } last
            && enrollment.Steps.Any(s => s.SendId is not null && s.ClaimedAt >= last)
        );

    /// <summary>When the send may go at the earliest if not now: after the gap (when it holds), after a
    /// higher-priority campaign's due send, at the window's opening.</summary>
    private async Task<DateTimeOffset?> NotBeforeAsync(
        LeadSnapshot snapshot,
        Lead lead,
        Campaign campaign,
        bool gapHolds,
        DateTimeOffset now,
        TimeZoneInfo zone,
        CancellationToken cancellationToken
    )
    {
        if (gapHolds && lead.LastNurtureAt + rules.MinGapBetweenEmails is { } gapEnds && gapEnds > now)
        {
            return gapEnds;
        }

        foreach (
            var other in snapshot.CampaignEnrollments.Where(e =>
                e.CampaignId != campaign.Id
                && e.Status == EnrollmentStatus.Active
                && e.NextDueAt <= now
                && e.NextDueAt > now - NurtureRules.RivalOverdueLimit
            )
        )
        {
            if (
                await campaigns.FindAsync(other.CampaignId, cancellationToken)
                    is { Active: true, Archived: false } rival
                && rival.Steps.Any(s => s.Id == other.NextStepId && s.IsEmail)
                && (
                    rival.Priority > campaign.Priority
                    || (rival.Priority == campaign.Priority && string.CompareOrdinal(rival.Id, campaign.Id) < 0)
                )
            )
            {
                return now + NurtureRules.PriorityRecheck;
            }
        }

        var opening = SendWindows.NextOpening(campaign.SendWindow, zone, now);
        return opening > now ? opening : null;
    }
}
