using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Nurture;

namespace LeadFunctions.Adapters.Queues;

public sealed class NurtureSendQueue(QueueMessageSender sender) : INurtureSendQueue
{
    public Task EnqueueAsync(NurtureSendBatch batch, CancellationToken cancellationToken) =>
        sender.SendAsync(QueueNames.NurtureSend, batch, cancellationToken);
}
