using System.Collections.Concurrent;
using Azure.Storage.Queues;
using LeadFunctions.Adapters.Storage;

namespace LeadFunctions.Adapters.Queues;

/// <summary>Sends base64-encoded JSON messages, the format the Functions queue trigger reads.</summary>
public sealed class QueueMessageSender(QueueServiceClient service, StorageNames names, QueueWriteSignal signal)
{
    private readonly ConcurrentDictionary<string, QueueClient> clients = new(StringComparer.Ordinal);

    public async Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken)
    {
        var physical = names.Queue(queueName);
        var client = clients.GetOrAdd(physical, service.GetQueueClient);
        await client.SendMessageAsync(BinaryData.FromObjectAsJson(message, JsonDefaults.Options), cancellationToken: cancellationToken);
        signal.Notify(physical);
    }
}
