using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Nurture;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Nurture;

/// <summary>nurture-send: the due sends of one message, each sent at most once.</summary>
public sealed class SendNurtureEmailQueueFunction(NurtureSender sender, ILogger<SendNurtureEmailQueueFunction> logger)
{
    public async Task RunAsync(NurtureSendBatch message, CancellationToken cancellationToken)
    {
        var outcomes = (await sender.SendAsync(message, cancellationToken)).CountBy(o => o).ToDictionary();
        var (sent, rescheduled, stopped) = (outcomes.GetValueOrDefault(NurtureSendOutcome.Sent), outcomes.GetValueOrDefault(NurtureSendOutcome.Rescheduled), outcomes.GetValueOrDefault(NurtureSendOutcome.Stopped));
        var (uncertain, skipped, dropped) = (outcomes.GetValueOrDefault(NurtureSendOutcome.Uncertain), outcomes.GetValueOrDefault(NurtureSendOutcome.Skipped), outcomes.GetValueOrDefault(NurtureSendOutcome.Dropped));
        Log.Sent(logger, message.DispatchId, sent, rescheduled, stopped, uncertain, skipped, dropped);
    }
}
