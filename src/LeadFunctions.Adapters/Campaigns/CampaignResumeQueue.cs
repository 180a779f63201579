using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Queues;

namespace LeadFunctions.Adapters.Campaigns;

public sealed class CampaignResumeQueue(QueueMessageSender sender) : ICampaignResumeQueue
{
    public Task EnqueueAsync(CampaignResume request, TimeSpan delay, CancellationToken cancellationToken) =>
        sender.SendAsync(QueueNames.CampaignResume, request, delay, cancellationToken);
}
