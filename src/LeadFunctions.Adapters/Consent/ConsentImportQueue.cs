using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Queues;

namespace LeadFunctions.Adapters.Consent;

/// <summary>consent-import. A batch too big for one queue message goes in parts, each with its sequence.</summary>
public sealed class ConsentImportQueue(QueueMessageSender sender) : IConsentImportQueue
{
    public Task EnqueueAsync(ConsentImportBatch batch, CancellationToken cancellationToken) =>
        Task.WhenAll(
            QueueMessageSize
                .Pack(batch.Rows, part => batch with { Rows = part })
                .Select(part => sender.SendAsync(QueueNames.ConsentImport, part, cancellationToken))
        );
}
