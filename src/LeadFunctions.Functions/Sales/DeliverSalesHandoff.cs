using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Sales;
using LeadFunctions.Core.Telemetry;
using Microsoft.Extensions.Logging;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Sales;

/// <summary>
/// sales-handoff: POST the MQL to the CRM and record it on the lead's timeline. The recorded entry
/// makes delivery once per MQL move, even when the message arrives twice.
/// </summary>
[QueueFunction(QueueNames.SalesHandoff)]
public sealed partial class DeliverSalesHandoff(ILeadStore store, ISalesHandoffWebhook webhook, ILogger<DeliverSalesHandoff> logger)
{
    public async Task RunAsync(SalesHandoff message, CancellationToken cancellationToken)
    {
        var delivered = message.DeliveredEntry();
        if (await store.HasEntryAsync(message.LeadId, delivered, cancellationToken))
        {
            AlreadyDelivered(logger, message.HandoffId);
            return;
        }

        await webhook.PostAsync(message, cancellationToken);
        await store.SaveAsync(LeadChange.Noted(message.LeadId, delivered), cancellationToken);
        LeadTelemetry.Handoffs.Add(1);
        Delivered(logger, message.HandoffId, message.LeadId);
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Handoff {HandoffId} of lead {LeadId} delivered")]
    private static partial void Delivered(ILogger logger, string handoffId, string leadId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Handoff {HandoffId} was delivered before; skipped")]
    private static partial void AlreadyDelivered(ILogger logger, string handoffId);
}
