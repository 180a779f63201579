using LeadFunctions.Core.Email;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Email;

/// <summary>sendgrid-events: act on a part of an Event Webhook post (engagement, suppression, delivery records).</summary>
public sealed class ProcessSendGridEventsQueueFunction(SendGridEventProcessor processor, ILogger<ProcessSendGridEventsQueueFunction> logger)
{
    public async Task RunAsync(SendGridEventBatch message, CancellationToken cancellationToken)
    {
        var outcome = await processor.ProcessAsync(message, cancellationToken);
        Log.Processed(logger, outcome[SendGridEventAction.Engage], outcome[SendGridEventAction.Suppress], outcome[SendGridEventAction.RecordDelivery],
            outcome[SendGridEventAction.Ignore], outcome[SendGridEventAction.Unhandled]);
    }
}
