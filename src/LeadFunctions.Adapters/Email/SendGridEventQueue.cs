using System.Text.Json;
using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Adapters.Email;

/// <summary>
/// Packs a post's events into as few messages as hold them (<see cref="QueueMessageSize.Pack{TItem, TMessage}"/>),
/// sized as the queue will hold them: JsonDefaults escapes non-ASCII, so the JSON can be longer than SendGrid's.
/// SendGrid caps an email's custom args at 10,000 bytes, so one event is always far smaller than a message.
/// </summary>
public sealed class SendGridEventQueue(QueueMessageSender sender) : ISendGridEventQueue
{
    private const int ParallelSends = 8;

    public async Task<int> EnqueueAsync(IReadOnlyList<JsonElement> events, CancellationToken cancellationToken)
    {
        var batches = QueueMessageSize.Pack(events, part => new SendGridEventBatch(part));
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelSends, CancellationToken = cancellationToken },
            (batch, ct) => new ValueTask(sender.SendAsync(QueueNames.SendGridEvents, batch, ct))
        );
        return batches.Count;
    }
}
