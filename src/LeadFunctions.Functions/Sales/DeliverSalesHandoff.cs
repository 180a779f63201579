using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Sales;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Sales;

/// <summary>
/// sales-handoff: POST the MQL to the CRM and record it on the lead's timeline, once per MQL move
/// (<see cref="SalesHandoffDelivery"/>).
/// </summary>
[QueueFunction(QueueNames.SalesHandoff)]
public sealed partial class DeliverSalesHandoff(SalesHandoffDelivery delivery, ILogger<DeliverSalesHandoff> logger)
{
    public async Task RunAsync(SalesHandoff message, CancellationToken cancellationToken)
    {
        if (await delivery.DeliverAsync(message, cancellationToken))
        {
            Delivered(logger, message.HandoffId, message.LeadId);
        }
        else
        {
            AlreadyDelivered(logger, message.HandoffId);
        }
    }

    [LoggerMessage(
        EventId = 1200,
        Level = LogLevel.Information,
        Message = "Handoff {HandoffId} of lead {LeadId} delivered"
    )]
    private static partial void Delivered(ILogger logger, string handoffId, string leadId);

    [LoggerMessage(
        EventId = 1201,
        Level = LogLevel.Information,
        Message = "Handoff {HandoffId} was delivered before; skipped"
    )]
    private static partial void AlreadyDelivered(ILogger logger, string handoffId);
}
