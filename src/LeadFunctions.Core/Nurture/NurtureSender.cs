using System.Globalization;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Security;

namespace LeadFunctions.Core.Nurture;

/// <summary>
/// Sends the due nurture emails of one nurture-send message, each at most once (docs/architecture.md): re-read
/// the lead and enrollment, decide (<see cref="NurtureSendRules"/>), CLAIM the step with an ETag write, send, and
/// RECORD the message id with the next step. A send SendGrid refuses for good is recorded failed, one it did not
/// take for now goes back into the due index; one that may have been taken (no answer, a gateway's 502/504) keeps its
/// claim and fails the message. A claim found by the same message's redelivery means its earlier delivery died (or
/// got no answer) between the claim and the record: the step is uncertain, counted and never sent again.
/// </summary>
public sealed class NurtureSender(
    ILeadStore leads,
    ISuppressionList suppressions,
    LeadUpdater updater,
    NurtureSendRules rules,
    IEmailSender email,
    ConsentLinks links,
    TimeProvider time
)
{
    /// <summary>
    /// The sends go one after another: a host's emails in flight are its nurture-send messages in flight (host.json's
    /// queue batch size), the one knob for how hard SendGrid and storage are pushed. While one email is in flight the
    /// next send's lead row and suppression entry are read and the previous send is recorded, so the message spends
    /// its time on SendGrid's answers, not on storage between them; each claim is still made just before its own
    /// email. A failure is thrown after the others went, so the message is retried and its done sends drop out.
    /// </summary>
    public async Task<IReadOnlyList<NurtureSendOutcome>> SendAsync(
        NurtureSendBatch batch,
        CancellationToken cancellationToken
    )
    {
        var sends = batch.DueSends();
        var outcomes = new List<NurtureSendOutcome>();
        var recording = new List<Task<NurtureSendOutcome>>();
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? first = null;
        var reading = ReadAhead(sends, 0, cancellationToken);
        try
        {
            for (var i = 0; i < sends.Count; i++)
            {
                var read = reading!;
                reading = ReadAhead(sends, i + 1, cancellationToken);
                try
                {
                    var (outcome, resolved) = await SendOneAsync(sends[i], await read, batch, cancellationToken);
                    if (resolved is null)
                    {
                        outcomes.Add(outcome);
                    }
                    else
                    {
                        recording.Add(resolved);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    first ??= System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
                }
            }
        }
        finally
        {
            // The emails that went are recorded whatever else happened (the records do not listen to cancellation).
            foreach (var record in recording)
            {
                try
                {
                    outcomes.Add(await record);
                }
                catch (Exception ex)
                {
                    first ??= System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
                }
            }
        }

        first?.Throw();
        return outcomes;
    }

    /// <summary>What the send at <paramref name="index"/> is decided on, read now; a failed read fails that send
    /// only.</summary>
    private Task<SendRead>? ReadAhead(IReadOnlyList<DueSend> sends, int index, CancellationToken cancellationToken) =>
        index < sends.Count ? ReadAsync(sends[index].LeadId, cancellationToken) : null;

    private async Task<SendRead> ReadAsync(string leadId, CancellationToken cancellationToken)
    {
        var snapshot = await leads.LoadLeadAsync(leadId, cancellationToken);
        return new SendRead(
            snapshot,
            snapshot.Lead is { } lead ? suppressions.IsSuppressedAsync(lead.Email, cancellationToken) : null
        );
    }

    /// <summary>
    /// Decides and claims on <paramref name="read"/> (the lead read again on a conflict), sends, and hands back the
    /// write of what came of it, still going. Once the claim is being written the host's stop (or the function's
    /// timeout) no longer cuts the send: a claim whose request never left would be uncertain for nothing, and a
    /// request cut on its way may have been taken. The sender's own attempt timeout bounds it; a stop that came
    /// before the request started gives the claim back.
    /// </summary>
    private async Task<(NurtureSendOutcome Outcome, Task<NurtureSendOutcome>? Resolved)> SendOneAsync(
        DueSend send,
        SendRead read,
        NurtureSendBatch batch,
        CancellationToken cancellationToken
    )
    {
        cancellationToken.ThrowIfCancellationRequested();
        var decision = NurtureSendDecision.Drop;
        LeadSnapshot? claimed = null;
        await updater.UpdateAsync(
            send.LeadId,
            async snapshot =>
                (
                    decision = await rules.DecideAsync(snapshot, send, batch, read.Suppressed, CancellationToken.None)
                ).Change,
            CancellationToken.None,
            known: read.Snapshot,
            written: s => claimed = s,
            leadRowOnly: true
        );
        if (decision.Claim is not { } claim)
        {
            return (decision.Outcome, null);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            await ResolveAsync(send, claimed, NurtureSendOutcome.Dropped, s => Release(s, claim));
            cancellationToken.ThrowIfCancellationRequested();
        }

        try
        {
            var result = await email.SendAsync(Outgoing(claim), CancellationToken.None);
            return (
                NurtureSendOutcome.Sent,
                ResolveAsync(send, claimed, NurtureSendOutcome.Sent, s => Record(s, claim, result))
            );
        }
        catch (EmailSendException ex) when (ex.Failure == EmailSendFailure.Refused)
        {
            return (
                NurtureSendOutcome.Failed,
                ResolveAsync(send, claimed, NurtureSendOutcome.Failed, s => Fail(s, claim, ex))
            );
        }
        catch (EmailSendException ex) when (ex.Failure == EmailSendFailure.Unavailable)
        {
            // Not taken, after the sender's own retries: the step goes back into the due index, so a later run sends
            // it however long SendGrid stays away (the message's redeliveries would end in the poison queue).
            return (
                NurtureSendOutcome.Rescheduled,
                ResolveAsync(send, claimed, NurtureSendOutcome.Rescheduled, s =>
                    Release(s, claim, time.GetUtcNow() + NurtureRules.UnavailableRecheck)
                )
            );
        }
    }

    /// <summary>Writes what came of a claimed send (never cancelled: the send has happened or been decided).</summary>
    private async Task<NurtureSendOutcome> ResolveAsync(
        DueSend send,
        LeadSnapshot? claimed,
        NurtureSendOutcome outcome,
        Func<LeadSnapshot, LeadChange?> change
    )
    {
        await updater.UpdateAsync(
            send.LeadId,
            s => Task.FromResult(change(s)),
            CancellationToken.None,
            known: claimed,
            leadRowOnly: true
        );
        return outcome;
    }

    private OutgoingEmail Outgoing(Claim claim) =>
        new()
        {
            To = claim.Lead.Email,
            ToName = claim.Lead.FullName(),
            Subject = claim.Email.Subject,
            Html = claim.Email.Html,
            Text = claim.Email.Text,
            Headers = links.UnsubscribeHeaders(claim.Lead.Id, claim.Record.SendId),
            CustomArgs = new Dictionary<string, string>
            {
                [MailCustomArgs.LeadId] = claim.Lead.Id,
                [MailCustomArgs.Campaign] = claim.Campaign.Id,
                [MailCustomArgs.Step] = claim.Step.Id,
                [MailCustomArgs.SendId] = claim.Record.SendId,
                [MailCustomArgs.Kind] = MailCustomArgs.NurtureKind,
            },
            Categories = [MailCustomArgs.NurtureKind, claim.Campaign.Id],
        };

    /// <summary>
    /// The step as sent (its record as it is now: a SendGrid event may have flagged it since the claim), on the
    /// timeline, counted, and the next step scheduled; nothing when the claim is no longer ours.
    /// </summary>
    private LeadChange? Record(LeadSnapshot snapshot, Claim claim, EmailSendResult result)
    {
        if (Held(snapshot, claim) is not var (lead, enrollment, record))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var sent = enrollment.WithStep(
            record with
            {
                State = StepState.Sent,
                SentAt = now,
                MessageId = result.MessageId,
            }
        );
        var moved = EnrollmentSteps.Advance(claim.Campaign, sent, lead, claim.Step.Id, now, claim.ZoneOf);
        var entry = Entry(
            claim,
            now,
            $"sent (campaign {claim.Campaign.Name}, step "
                + $"{claim.Step.Id}{(result.MessageId is { } id ? $", SendGrid message {id}" : "")})"
        );
        return EnrollmentChanges.Moved(snapshot, lead, moved, Counts(claim, CampaignMetric.Sent), entry);
    }

    /// <summary>
    /// The step refused for good: failed with SendGrid's reason, on the timeline, counted, and the enrollment on to its
    /// next step. Nothing went, so the person's gap is as it was.
    /// </summary>
    private LeadChange? Fail(LeadSnapshot snapshot, Claim claim, EmailSendException refusal)
    {
        if (Held(snapshot, claim) is not var (lead, enrollment, record))
        {
            return null;
        }

        var reason = $"SendGrid refused it ({refusal.Status}{(refusal.Reason is { } why ? $": {why}" : "")})";
        var now = time.GetUtcNow();
        var moved = EnrollmentSteps.Advance(
            claim.Campaign,
            enrollment.WithStep(record with { State = StepState.Failed, Note = reason }),
            lead,
            claim.Step.Id,
            now,
            claim.ZoneOf
        );
        var entry = Entry(claim, now, $"not sent: {reason} (campaign {claim.Campaign.Name}, step {claim.Step.Id})");
        return EnrollmentChanges.Moved(
            snapshot,
            GapAsItWas(lead, claim),
            moved,
            Counts(claim, CampaignMetric.Failed),
            entry
        );
    }

    /// <summary>The claim undone: the step as if never tried, the person's gap as it was, and the step due again at
    /// <paramref name="retryAt"/> when given.</summary>
    private static LeadChange? Release(LeadSnapshot snapshot, Claim claim, DateTimeOffset? retryAt = null)
    {
        if (Held(snapshot, claim) is not var (lead, enrollment, _))
        {
            return null;
        }

        // A send tried once more goes back to being uncertain, still to be tried once more.
        var released = claim.Record.Resent
            ? enrollment.WithStep(claim.Record with { State = StepState.Uncertain, Resent = false })
            : enrollment.WithoutStep(claim.Step.Id);
        return retryAt is { } at
            ? EnrollmentChanges.Write(
                snapshot,
                GapAsItWas(lead, claim),
                released with
                {
                    NextDueAt = at,
                },
                new DueSend(lead.Id, claim.Campaign.Id, claim.Step.Id, at)
            )
            : EnrollmentChanges.Write(snapshot, GapAsItWas(lead, claim), released);
    }

    /// <summary>What the claim came to, counted; a send tried once more was counted uncertain, which it no longer
    /// is.</summary>
    private static StatDelta[] Counts(Claim claim, CampaignMetric outcome) =>
        claim.Record.Resent
            ?
            [
                StatDelta.Of(claim.Campaign.Id, claim.Record, outcome),
                StatDelta.Of(claim.Campaign.Id, claim.Record, CampaignMetric.Uncertain, -1),
            ]
            : [StatDelta.Of(claim.Campaign.Id, claim.Record, outcome)];

    private static Lead GapAsItWas(Lead lead, Claim claim) =>
        lead.LastNurtureAt == claim.Record.ClaimedAt ? lead with { LastNurtureAt = claim.PreviousNurtureAt } : lead;

    private static TimelineEntry Entry(Claim claim, DateTimeOffset at, string what) =>
        new(
            $"nurture|{claim.Record.SendId}",
            at,
            TimelineKind.Email,
            $"Nurture email \"{claim.Email.Subject}\" {what}"
        );

    /// <summary>The lead, enrollment and step record while the claim is still this send's; null once it is
    /// not.</summary>
    private static (Lead Lead, Enrollment Enrollment, StepRecord Record)? Held(LeadSnapshot snapshot, Claim claim) =>
        snapshot is { Lead: { } lead }
        && snapshot.EnrollmentIn(claim.Campaign.Id) is { } enrollment
        && Holds(enrollment, claim)
            ? (lead, enrollment, enrollment.Step(claim.Step.Id)!)
            : null;

    private static bool Holds(Enrollment enrollment, Claim claim) =>
        enrollment.Step(claim.Step.Id) is { State: StepState.Sending } record
        && record.DispatchId == claim.Record.DispatchId;

    /// <summary>A send's lead row and, started with it, whether its address is suppressed (the lead id names one
    /// email).</summary>
    private sealed record SendRead(LeadSnapshot Snapshot, Task<bool>? Suppressed);

    /// <summary>The lf_send custom arg: the same for every attempt at one step of one enrollment (a later entry into
    /// the campaign has its own).</summary>
    public static string SendId(string leadId, string campaignId, string stepId, int reentries) =>
        reentries == 0
            ? StableId.From(MailCustomArgs.NurtureKind, leadId, campaignId, stepId)
            : StableId.From(
                MailCustomArgs.NurtureKind,
                leadId,
                campaignId,
                stepId,
                reentries.ToString(CultureInfo.InvariantCulture)
            );
}
