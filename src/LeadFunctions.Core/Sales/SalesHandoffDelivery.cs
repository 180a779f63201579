using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Telemetry;

namespace LeadFunctions.Core.Sales;

/// <summary>
/// Delivers a handoff to the CRM and records it on the lead's timeline. The recorded entry
/// (<see cref="SalesHandoff.DeliveredEntry"/>) makes delivery once per MQL move, even when the message arrives twice.
/// </summary>
public sealed class SalesHandoffDelivery(ILeadStore store, LeadUpdater updater, ISalesHandoffWebhook webhook)
{
    /// <summary>False when the handoff was delivered before: nothing is posted again.</summary>
    public async Task<bool> DeliverAsync(SalesHandoff handoff, CancellationToken cancellationToken)
    {
        var delivered = handoff.DeliveredEntry();
        if (await store.HasEntryAsync(handoff.LeadId, delivered, cancellationToken))
        {
            return false;
        }

        await webhook.PostAsync(handoff, cancellationToken);
        await updater.NoteAsync(handoff.LeadId, delivered, cancellationToken);
        LeadTelemetry.Handoffs.Add(1);
        return true;
    }
}
