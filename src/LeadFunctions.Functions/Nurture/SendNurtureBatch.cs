using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Core.Randomness;
using Microsoft.Extensions.Logging;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Nurture;

/// <summary>nurture-send: the due sends of one message, each sent at most once.</summary>
[QueueFunction(QueueNames.NurtureSend)]
public sealed class SendNurtureBatch(
    NurtureSender sender, INurtureSendQueue queue, IIdGenerator ids, ILogger<SendNurtureBatch> logger)
{
    /// <summary>
    /// A delivery after the first (an earlier one failed, or its host died) hands the message on in two halves
    /// instead: each starts its own count of deliveries, so a message longer than its hosts live (a crash loop) gets
    /// through in ever shorter parts instead of ending in the poison queue with its sends stranded, and a send that
    /// fails every time ends there alone. The halves own the earlier deliveries' claims (uncertain, never sent again).
    /// </summary>
    public async Task RunAsync(NurtureSendBatch message, long dequeueCount, CancellationToken cancellationToken)
    {
        if (dequeueCount > 1 && message.DueSends().Count > 1)
        {
            var (first, second) = message.Halves(ids.NewId(), ids.NewId());
            await Task.WhenAll(queue.EnqueueAsync(first, cancellationToken), queue.EnqueueAsync(second, cancellationToken));
            Log.HandedOn(logger, message.DispatchId, dequeueCount, first.DispatchId, second.DispatchId);
            return;
        }

        var outcomes = (await sender.SendAsync(message, cancellationToken)).CountBy(o => o).ToDictionary();
        var (sent, rescheduled, stopped) = (outcomes.GetValueOrDefault(NurtureSendOutcome.Sent), outcomes.GetValueOrDefault(NurtureSendOutcome.Rescheduled), outcomes.GetValueOrDefault(NurtureSendOutcome.Stopped));
        var (uncertain, skipped, failed) = (outcomes.GetValueOrDefault(NurtureSendOutcome.Uncertain), outcomes.GetValueOrDefault(NurtureSendOutcome.Skipped), outcomes.GetValueOrDefault(NurtureSendOutcome.Failed));
        var (dropped, held) = (outcomes.GetValueOrDefault(NurtureSendOutcome.Dropped), outcomes.GetValueOrDefault(NurtureSendOutcome.Held));
        Log.Sent(logger, message.DispatchId, sent, rescheduled, stopped, uncertain, skipped, failed, dropped, held);
    }
}
