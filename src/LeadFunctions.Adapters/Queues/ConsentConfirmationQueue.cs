using LeadFunctions.Core.Consent;

namespace LeadFunctions.Adapters.Queues;

public sealed class ConsentConfirmationQueue(QueueMessageSender sender) : IConsentConfirmationQueue
{
    public Task EnqueueAsync(ConfirmationRequest request, CancellationToken cancellationToken) =>
        sender.SendAsync(QueueNames.ConsentConfirmation, request, cancellationToken);
}
