using LeadFunctions.Core.Email;
using LeadFunctions.Core.EmailEvents;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Email;

/// <summary>sendgrid-events: act on a part of an Event Webhook post (engagement, suppression, delivery
/// records, the spam brake).</summary>
[QueueFunction(QueueNames.SendGridEvents)]
public sealed class ProcessSendGridEvents(SendGridEventProcessor processor, ILogger<ProcessSendGridEvents> logger)
{
    public async Task RunAsync(SendGridEventBatch message, CancellationToken cancellationToken)
    {
        var outcome = await processor.ProcessAsync(message, cancellationToken);
        Log.Processed(
            logger,
            outcome[SendGridEventAction.Engage],
            outcome[SendGridEventAction.Suppress],
            outcome[SendGridEventAction.RecordDelivery],
            outcome[SendGridEventAction.Ignore],
            outcome[SendGridEventAction.Unhandled]
        );
        foreach (var (campaign, trip) in outcome.Braked)
        {
            Log.SpamBrake(logger, campaign, trip.SpamReports, trip.Deliveries);
        }
    }
}
