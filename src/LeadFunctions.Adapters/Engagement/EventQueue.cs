using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;

namespace LeadFunctions.Adapters.Engagement;

public sealed class EventQueue(QueueMessageSender sender) : IEventQueue
{
    public Task EnqueueAsync(EngagementEvent engagementEvent, CancellationToken cancellationToken) =>
        sender.SendAsync(QueueNames.LeadEvents, engagementEvent, cancellationToken);
}
