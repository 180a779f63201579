using LeadFunctions.Core.Nurture;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Nurture;

/// <summary>
/// nurture-send: the due sends of one message, each sent at most once, or handed on in halves when delivered again
/// (<see cref="NurtureBatchDelivery"/>).
/// </summary>
[QueueFunction(QueueNames.NurtureSend)]
public sealed class SendNurtureBatch(NurtureBatchDelivery delivery, ILogger<SendNurtureBatch> logger)
{
    public async Task RunAsync(NurtureSendBatch message, long dequeueCount, CancellationToken cancellationToken)
    {
        var delivered = await delivery.DeliverAsync(message, dequeueCount, cancellationToken);
        if (delivered.HandedOnAs is (var first, var second))
        {
            Log.HandedOn(logger, message.DispatchId, dequeueCount, first, second);
            return;
        }

        int Count(NurtureSendOutcome outcome) => delivered.Count(outcome);
        var (sent, rescheduled) = (Count(NurtureSendOutcome.Sent), Count(NurtureSendOutcome.Rescheduled));
        var (stopped, uncertain) = (Count(NurtureSendOutcome.Stopped), Count(NurtureSendOutcome.Uncertain));
        var (skipped, failed) = (Count(NurtureSendOutcome.Skipped), Count(NurtureSendOutcome.Failed));
        var (dropped, held) = (Count(NurtureSendOutcome.Dropped), Count(NurtureSendOutcome.Held));
        var timedOut = Count(NurtureSendOutcome.TimedOut);
        Log.Sent(
            logger,
            message.DispatchId,
            sent,
            rescheduled,
            stopped,
            uncertain,
            skipped,
            failed,
            dropped,
            held,
            timedOut
        );
    }
}
