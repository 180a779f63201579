using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Webinars;

namespace LeadFunctions.Adapters.Webinars;

public sealed class WebinarEndingQueue(QueueMessageSender sender) : IWebinarEndingQueue
{
    public Task EnqueueAsync(WebinarEnding ending, CancellationToken cancellationToken) =>
        sender.SendAsync(QueueNames.WebinarEndings, ending, cancellationToken);
}
