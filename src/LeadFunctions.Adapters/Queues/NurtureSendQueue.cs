using System.Text.Json;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Adapters.Queues;

/// <summary>nurture-send. A batch too big for one queue message goes as halves (<see cref="NurtureSendBatch.Halves"/>).</summary>
public sealed class NurtureSendQueue(QueueMessageSender sender) : INurtureSendQueue
{
    /// <summary>A queue message holds 64 KB base64-encoded (host.json's messageEncoding), 48 KB of JSON; 1 KB of it is left for the trace context.</summary>
    public const int MaxJsonBytes = (64 * 1024 / 4 * 3) - 1024;

    public Task EnqueueAsync(NurtureSendBatch batch, CancellationToken cancellationToken) =>
        Task.WhenAll(Fit(batch).Select(part => sender.SendAsync(QueueNames.NurtureSend, part, cancellationToken)));

    /// <summary><paramref name="batch"/> as it is when it fits a message, else halved until each part does.</summary>
    public static IReadOnlyList<NurtureSendBatch> Fit(NurtureSendBatch batch)
    {
        if (batch.DueSends().Count < 2 || JsonSerializer.SerializeToUtf8Bytes(batch, JsonDefaults.Options).Length <= MaxJsonBytes)
        {
            return [batch];
        }

        var (first, second) = batch.Halves(NurtureSendBatch.NewDispatchId(), NurtureSendBatch.NewDispatchId());
        return [.. Fit(first), .. Fit(second)];
    }
}
