using LeadFunctions.Core.Consent;

namespace LeadFunctions.Functions.Consent;

/// <summary>consent-confirmation: the double opt-in email of a pending grant, sent once.</summary>
public sealed class SendConsentConfirmationQueueFunction(ConsentConfirmationSender sender)
{
    public Task RunAsync(ConfirmationRequest message, CancellationToken cancellationToken) => sender.SendAsync(message, cancellationToken);
}
