using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Queues;

namespace LeadFunctions.Adapters.Consent;

public sealed class ConsentConfirmationQueue(QueueMessageSender sender) : IConsentConfirmationQueue
{
    public Task EnqueueAsync(ConfirmationRequest request, CancellationToken cancellationToken) =>
        sender.SendAsync(QueueNames.ConsentConfirmation, request, cancellationToken);
}
