using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Queues;

namespace LeadFunctions.Adapters.Campaigns;

public sealed class CampaignEnrollmentQueue(QueueMessageSender sender) : ICampaignEnrollmentQueue
{
    public Task EnqueueAsync(CampaignEnrollmentRequest request, CancellationToken cancellationToken) =>
        sender.SendAsync(QueueNames.CampaignEnrollment, request, cancellationToken);
}
