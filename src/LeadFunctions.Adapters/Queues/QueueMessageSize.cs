using System.Text.Json;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Adapters.Queues;

/// <summary>
/// How much one queue message holds, for every queue. Azure Queue Storage keeps at most 64 KiB of message text,
/// and our messages are base64 (the queue clients' MessageEncoding, as host.json's messageEncoding says): 48 KiB of
/// JSON, of which <see cref="TraceContextBytes"/> are left for the trace context the sender appends
/// (<see cref="QueueTraceContext"/>). A queue handed more than one message holds splits it: by
/// <see cref="Pack{TItem, TMessage}"/>, or in its own way where the parts need more than a share of the items.
/// </summary>
public static class QueueMessageSize
{
    /// <summary>Message text Azure Queue Storage keeps in one message.</summary>
    public const int MaxTextBytes = 64 * 1024;

    /// <summary>Room for the "traceparent" field and a "tracestate" of up to 512 characters.</summary>
    public const int TraceContextBytes = 1024;

    /// <summary>JSON one message carries: what base64 leaves of the text, less the trace context.</summary>
    public const int MaxJsonBytes = (MaxTextBytes / 4 * 3) - TraceContextBytes;

    /// <summary>Whether <paramref name="message"/> goes as one queue message.</summary>
    public static bool Fits<T>(T message) => JsonBytes(message) <= MaxJsonBytes;

    /// <summary>
    /// <paramref name="items"/> in order, in as few messages (each made by <paramref name="message"/> of its part) as
    /// fit; an item that cannot fit a message even alone goes alone, and its send fails as it would have whole.
    /// The items must be the message's one JSON array, written as each is written alone.
    /// </summary>
    public static IReadOnlyList<TMessage> Pack<TItem, TMessage>(
        IReadOnlyList<TItem> items,
        Func<IReadOnlyList<TItem>, TMessage> message
    )
    {
        // A message's JSON is the empty message's, with each item and a comma between two: counted as a comma
        // before every item and one fewer byte for the empty message.
        var empty = JsonBytes(message([])) - 1;
        var messages = new List<TMessage>();
        var part = new List<TItem>();
        var bytes = empty;
        foreach (var item in items)
        {
            var size = JsonBytes(item) + 1;
            if (part.Count > 0 && bytes + size > MaxJsonBytes)
            {
                messages.Add(message(part));
                (part, bytes) = ([], empty);
            }

            part.Add(item);
            bytes += size;
        }

        if (part.Count > 0)
        {
            messages.Add(message(part));
        }

        return messages;
    }

    private static int JsonBytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, JsonDefaults.Options).Length;
}
