using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Consent;

/// <summary>consent-confirmation: the double opt-in email of a pending grant, sent once.</summary>
[QueueFunction(QueueNames.ConsentConfirmation)]
public sealed class SendConsentConfirmation(ConsentConfirmationSender sender)
{
    public Task RunAsync(ConfirmationRequest message, CancellationToken cancellationToken) =>
        sender.SendAsync(message, cancellationToken);
}
