using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Sales;

namespace LeadFunctions.Adapters.Sales;

public sealed class SalesHandoffQueue(QueueMessageSender sender) : ISalesHandoffQueue
{
    public Task EnqueueAsync(SalesHandoff handoff, CancellationToken cancellationToken) =>
        sender.SendAsync(QueueNames.SalesHandoff, handoff, cancellationToken);
}
