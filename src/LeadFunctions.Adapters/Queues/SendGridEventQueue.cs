using System.Text.Json;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Adapters.Queues;

/// <summary>
/// Splits a post's events into messages of at most <see cref="MaxMessageJsonBytes"/> of JSON: base64 makes
/// that about 43 KiB, well under a queue message's 64 KiB. SendGrid caps an email's custom args at 10,000
/// bytes, so one event is always far smaller than a message.
/// </summary>
public sealed class SendGridEventQueue(QueueMessageSender sender) : ISendGridEventQueue
{
    public const int MaxMessageJsonBytes = 32 * 1024;
    private const int EnvelopeBytes = 16; // {"events":[ … ]}
    private const int ParallelSends = 8;

    public async Task<int> EnqueueAsync(IReadOnlyList<JsonElement> events, CancellationToken cancellationToken)
    {
        var batches = Split(events);
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = ParallelSends, CancellationToken = cancellationToken },
            (batch, ct) => new ValueTask(sender.SendAsync(QueueNames.SendGridEvents, batch, ct)));
        return batches.Count;
    }

    /// <summary>Sized as the queue will hold them: JsonDefaults escapes non-ASCII, so the JSON can be longer than SendGrid's.</summary>
    public static List<SendGridEventBatch> Split(IReadOnlyList<JsonElement> events)
    {
        var batches = new List<SendGridEventBatch>();
        var current = new List<JsonElement>();
        var bytes = EnvelopeBytes;
        foreach (var element in events)
        {
            var size = JsonSerializer.SerializeToUtf8Bytes(element, JsonDefaults.Options).Length + 1;
            if (current.Count > 0 && bytes + size > MaxMessageJsonBytes)
            {
                batches.Add(new SendGridEventBatch(current));
                (current, bytes) = ([], EnvelopeBytes);
            }

            current.Add(element);
            bytes += size;
        }

        if (current.Count > 0)
        {
            batches.Add(new SendGridEventBatch(current));
        }

        return batches;
    }
}
