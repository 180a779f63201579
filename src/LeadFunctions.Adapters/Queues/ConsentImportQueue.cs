using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Queues;

namespace LeadFunctions.Adapters.Queues;

public sealed class ConsentImportQueue(QueueMessageSender sender) : IConsentImportQueue
{
    public Task EnqueueAsync(ConsentImportBatch batch, CancellationToken cancellationToken) =>
        sender.SendAsync(QueueNames.ConsentImport, batch, cancellationToken);
}
