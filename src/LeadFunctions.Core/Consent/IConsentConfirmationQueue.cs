namespace LeadFunctions.Core.Consent;

/// <summary>The consent-confirmation queue: a double opt-in email to send for a pending grant.</summary>
public interface IConsentConfirmationQueue
{
    Task EnqueueAsync(ConfirmationRequest request, CancellationToken cancellationToken);
}

/// <summary>Send the confirmation email for the pending grant <paramref name="RecordId"/> of this lead
/// (once).</summary>
public sealed record ConfirmationRequest(string LeadId, string RecordId);
