using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Security;

namespace LeadFunctions.Core.Nurture;

/// <summary>
/// Sends the due nurture emails of one nurture-send message, each at most once (ARCHITECTURE.md "Nurture"): re-read
/// the lead and enrollment, decide (<see cref="NurtureSendRules"/>), CLAIM the step with an ETag write, send, and
/// RECORD the message id with the next step. A claim found by the same message's redelivery means its earlier
/// delivery died between the claim and the record: the step is uncertain, counted and never sent again.
/// </summary>
public sealed class NurtureSender(ILeadStore leads, ISuppressionList suppressions, LeadUpdater updater, NurtureSendRules rules, IEmailSender email, ConsentLinks links, TimeProvider time)
{
    /// <summary>
    /// The sends go one after another: a host's emails in flight are its nurture-send messages in flight (host.json's
    /// queue batch size), the one knob for how hard SendGrid and storage are pushed. While one email is in flight the
    /// next send's lead row and suppression entry are read and the previous send is recorded, so the message spends
    /// its time on SendGrid's answers, not on storage between them; each claim is still made just before its own
    /// email. A failure is thrown after the others went, so the message is retried and its done sends drop out.
    /// </summary>
    public async Task<IReadOnlyList<NurtureSendOutcome>> SendAsync(NurtureSendBatch batch, CancellationToken cancellationToken)
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
                    var (outcome, record) = await SendOneAsync(sends[i], await read, batch, cancellationToken);
                    if (record is null)
                    {
                        outcomes.Add(outcome);
                    }
                    else
                    {
                        recording.Add(record);
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

    /// <summary>What the send at <paramref name="index"/> is decided on, read now; a failed read fails that send only.</summary>
    private Task<SendRead>? ReadAhead(IReadOnlyList<DueSend> sends, int index, CancellationToken cancellationToken) =>
        index < sends.Count ? ReadAsync(sends[index].LeadId, cancellationToken) : null;

    private async Task<SendRead> ReadAsync(string leadId, CancellationToken cancellationToken)
    {
        var snapshot = await leads.LoadLeadAsync(leadId, cancellationToken);
        return new SendRead(snapshot, snapshot.Lead is { } lead ? suppressions.IsSuppressedAsync(lead.Email, cancellationToken) : null);
    }

    /// <summary>Decides and claims on <paramref name="read"/> (the lead read again on a conflict), sends, and hands back the record's write still going.</summary>
    private async Task<(NurtureSendOutcome Outcome, Task<NurtureSendOutcome>? Record)> SendOneAsync(DueSend send, SendRead read, NurtureSendBatch batch, CancellationToken cancellationToken)
    {
        var decision = NurtureSendDecision.Drop;
        LeadSnapshot? claimed = null;
        await updater.UpdateAsync(
            send.LeadId,
            async snapshot => (decision = await rules.DecideAsync(snapshot, send, batch, read.Suppressed, cancellationToken)).Change,
            cancellationToken,
            known: read.Snapshot,
            written: s => claimed = s,
            leadRowOnly: true);
        if (decision.Claim is not { } claim)
        {
            return (decision.Outcome, null);
        }

        EmailSendResult result;
        try
        {
            result = await email.SendAsync(Outgoing(claim), cancellationToken);
        }
        catch (EmailSendException ex) when (ex.Status is not null)
        {
            // A definite refusal after the sender's own retries: nothing went out, so the claim is given back and
            // the message retried. Without a status (a timeout) the email may have gone: the claim stays (uncertain).
            await updater.UpdateAsync(send.LeadId, s => Task.FromResult(Release(s, claim)), CancellationToken.None, leadRowOnly: true);
            throw;
        }

        return (NurtureSendOutcome.Sent, RecordAsync(send, claim, result, claimed));
    }

    private async Task<NurtureSendOutcome> RecordAsync(DueSend send, Claim claim, EmailSendResult result, LeadSnapshot? claimed)
    {
        await updater.UpdateAsync(send.LeadId, s => Task.FromResult(Record(s, claim, result)), CancellationToken.None, known: claimed, leadRowOnly: true);
        return NurtureSendOutcome.Sent;
    }

    private OutgoingEmail Outgoing(Claim claim) => new()
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

    /// <summary>The step as sent, on the timeline, counted, and the next step scheduled; nothing when the claim is no longer ours.</summary>
    private LeadChange? Record(LeadSnapshot snapshot, Claim claim, EmailSendResult result)
    {
        if (snapshot is not { Lead: { } lead } || snapshot.EnrollmentIn(claim.Campaign.Id) is not { } enrollment || !Holds(enrollment, claim))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var sent = enrollment.WithStep(claim.Record with { State = StepState.Sent, SentAt = now, MessageId = result.MessageId });
        var (advanced, next) = EnrollmentChanges.Advance(lead.Id, claim.Campaign, sent);
        var entry = new TimelineEntry(
            $"nurture|{claim.Record.SendId}", now, TimelineKind.Email,
            $"Nurture email \"{claim.Email.Subject}\" sent (campaign {claim.Campaign.Name}, step {claim.Step.Id}{(result.MessageId is { } id ? $", SendGrid message {id}" : "")})");
        return EnrollmentChanges.Write(snapshot, lead, advanced, next, [new StatDelta(claim.Campaign.Id, claim.Step.Id, CampaignMetric.Sent)], entry);
    }

    /// <summary>The claim undone: the step as if never tried, and the person's gap as it was.</summary>
    private static LeadChange? Release(LeadSnapshot snapshot, Claim claim)
    {
        if (snapshot is not { Lead: { } lead } || snapshot.EnrollmentIn(claim.Campaign.Id) is not { } enrollment || !Holds(enrollment, claim))
        {
            return null;
        }

        var restored = lead.LastNurtureAt == claim.Record.ClaimedAt ? lead with { LastNurtureAt = claim.PreviousNurtureAt } : lead;
        return EnrollmentChanges.Write(snapshot, restored, enrollment.WithoutStep(claim.Step.Id));
    }

    private static bool Holds(Enrollment enrollment, Claim claim) =>
        enrollment.Step(claim.Step.Id) is { State: StepState.Sending } record && record.DispatchId == claim.Record.DispatchId;

    /// <summary>A send's lead row and, started with it, whether its address is suppressed (the lead id names one email).</summary>
    private sealed record SendRead(LeadSnapshot Snapshot, Task<bool>? Suppressed);

    /// <summary>The lf_send custom arg: the same for every attempt at one step of one enrollment.</summary>
    public static string SendId(string leadId, string campaignId, string stepId) => StableId.From(MailCustomArgs.NurtureKind, leadId, campaignId, stepId);
}
