using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Security;

namespace LeadFunctions.Core.Consent;

/// <summary>
/// What the person's button on an unsubscribe or confirmation page does. The links' GET pages change
/// nothing (mail scanners follow links); these run on the POST.
/// </summary>
public sealed class ConsentLinkActions(
    ILeadStore store,
    IConsentRecorder recorder,
    ISuppressionList suppressions,
    NurtureEventRecorder nurture,
    TimeProvider time
)
{
    /// <summary>
    /// Withdraws email consent at once and suppresses the address; a campaign email's link (its token names the send)
    /// also counts on that step. The same link twice records one withdrawal and counts once.
    /// </summary>
    public async Task<LinkOutcome> UnsubscribeAsync(
        string tokenText,
        ConsentToken token,
        RequestEvidence evidence,
        CancellationToken cancellationToken
    )
    {
        if (await store.FindAsync(token.LeadId, cancellationToken) is not { Lead: var lead })
        {
            // Erased (and so suppressed already) or never a lead: nothing is left to withdraw.
            return LinkOutcome.Done;
        }

        var now = time.GetUtcNow();
        var record = new ConsentRecord
        {
            Id = $"unsubscribe-{StableId.From(tokenText)}",
            Action = ConsentAction.Withdrawn,
            At = now,
            Source = ConsentSource.UnsubscribeLink,
            RecipientType = lead.RecipientType,
            Ip = evidence.Ip,
            UserAgent = evidence.UserAgent,
            Evidence = token.SendId is { } send
                ? $"unsubscribe link in an email (send {send})"
                : "unsubscribe link in an email",
        };
        await recorder.RecordAsync(lead.Email, record, cancellationToken);
        await suppressions.SuppressAsync(
            lead.Email,
            SuppressionReason.Unsubscribed,
            now,
            $"lead {lead.Id} unsubscribe link",
            cancellationToken
        );
        if (token.SendId is { } sendId)
        {
            await nurture.RecordUnsubscribeAsync(lead.Id, sendId, now, cancellationToken);
        }

        return LinkOutcome.Done;
    }

    /// <summary>Confirms the pending grant the link names; a second click, or a link for a grant since withdrawn,
    /// changes nothing.</summary>
    public async Task<LinkOutcome> ConfirmAsync(
        ConsentToken token,
        RequestEvidence evidence,
        CancellationToken cancellationToken
    )
    {
        if (await store.FindAsync(token.LeadId, cancellationToken) is not { Lead: var lead })
        {
            return LinkOutcome.NothingToDo;
        }

        var email = lead.Consent.For(ConsentChannel.Email);
        if (email.Status == ConsentStatus.Granted)
        {
            return LinkOutcome.AlreadyDone;
        }

        if (email.Status != ConsentStatus.Pending || email.PendingId != token.RecordId)
        {
            return LinkOutcome.NothingToDo;
        }

        var record = new ConsentRecord
        {
            Id = $"confirm-{token.RecordId}",
            Action = ConsentAction.Confirmed,
            At = time.GetUtcNow(),
            Source = ConsentSource.ConfirmationLink,
            RecipientType = lead.RecipientType,
            Ip = evidence.Ip,
            UserAgent = evidence.UserAgent,
            Evidence = $"confirms {token.RecordId}",
        };
        return await recorder.RecordAsync(lead.Email, record, cancellationToken) == ConsentRecordOutcome.Recorded
            ? LinkOutcome.Done
            : LinkOutcome.AlreadyDone;
    }
}

public enum LinkOutcome
{
    Done,
    AlreadyDone,
    NothingToDo,
}
