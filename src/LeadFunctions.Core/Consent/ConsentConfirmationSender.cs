using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Consent;

/// <summary>
/// Sends the confirmation email of a pending grant, once: only while that grant is still the one pending, never
/// to a suppressed address, and not again once the timeline records it (a crash between the send and the
/// record sends it twice, which for a confirmation is better than never).
/// </summary>
public sealed class ConsentConfirmationSender(
    ILeadStore store,
    LeadUpdater updater,
    IEmailSender sender,
    ISuppressionList suppressions,
    ConsentLinks links,
    ConsentSettings settings,
    SenderIdentity identity,
    TimeProvider time
)
{
    public async Task<bool> SendAsync(ConfirmationRequest request, CancellationToken cancellationToken)
    {
        if (
            await store.FindAsync(request.LeadId, cancellationToken) is not { Lead: var lead }
            || lead.Consent.For(ConsentChannel.Email)
                is not { Status: ConsentStatus.Pending, At: { } pendingAt } pending
            || pending.PendingId != request.RecordId
        )
        {
            return false;
        }

        var sent = new TimelineEntry(
            $"confirmation-mail|{request.RecordId}",
            pendingAt,
            TimelineKind.Email,
            "Double opt-in confirmation email sent"
        );
        if (
            await suppressions.IsSuppressedAsync(lead.Email, cancellationToken)
            || await store.HasEntryAsync(lead.Id, sent, cancellationToken)
        )
        {
            return false;
        }

        var link = links.Confirm(lead.Id, request.RecordId, time.GetUtcNow() + settings.ConfirmationTtl);
        var result = await sender.SendAsync(ConfirmationEmails.For(lead, link, identity), cancellationToken);
        var summary = result.MessageId is { } id ? $"{sent.Summary} (SendGrid message {id})" : sent.Summary;
        await updater.NoteAsync(lead.Id, sent with { Summary = summary }, cancellationToken);
        return true;
    }
}
