using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Scoring;

namespace LeadFunctions.Adapters.Scoring;

public sealed class RescoreQueue(QueueMessageSender sender) : IRescoreQueue
{
    public Task EnqueueAsync(RescorePart part, CancellationToken cancellationToken) =>
        sender.SendAsync(QueueNames.LeadRescore, part, cancellationToken);
}
