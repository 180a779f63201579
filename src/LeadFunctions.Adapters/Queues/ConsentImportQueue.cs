using LeadFunctions.Core.Consent;

namespace LeadFunctions.Adapters.Queues;

public sealed class ConsentImportQueue(QueueMessageSender sender) : IConsentImportQueue
{
    public Task EnqueueAsync(ConsentImportBatch batch, CancellationToken cancellationToken) =>
        sender.SendAsync(QueueNames.ConsentImport, batch, cancellationToken);
}
