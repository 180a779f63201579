using LeadFunctions.Core.Text;

namespace LeadFunctions.Adapters.Queues;

/// <summary>
/// How a function reads a queue message's body, on the self-hosted runtime and in the FunctionApp alike: the JSON
/// <see cref="QueueMessageSender"/> writes (<see cref="JsonDefaults"/>); a message of JSON <c>null</c> fails, naming
/// its queue.
/// </summary>
public static class QueueMessageBody
{
    public static T Read<T>(BinaryData body, string queueName) =>
        body.ToObjectFromJson<T>(JsonDefaults.Options)
        ?? throw new InvalidOperationException($"The message on {queueName} is empty.");
}
