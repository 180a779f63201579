using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Sales;

/// <summary>
/// Sends the sales handoff an MQL move decided (<see cref="Lead.PendingHandoff"/>) after the write that decided it,
/// then clears the mark. Only that write sends it, later writers carry the mark along; a write found already done, or
/// a decision that found nothing new, sends a handoff still marked, which an earlier delivery may have died before
/// sending.
/// </summary>
public sealed class SalesHandoffSubscriber(ISalesHandoffQueue handoffs) : ILeadChangeSubscriber
{
    public string Name => LeadChangeSubscribers.SalesHandoff;

    public Task AfterSaveAsync(
        LeadUpdater updater,
        LeadSnapshot before,
        LeadChange change,
        CancellationToken cancellationToken
    ) =>
        change.Lead?.PendingHandoff != before.Lead?.PendingHandoff
            ? SendPendingAsync(updater, change.Lead, cancellationToken)
            : Task.CompletedTask;

    public Task NotSavedAsync(LeadUpdater updater, LeadSnapshot snapshot, CancellationToken cancellationToken) =>
        SendPendingAsync(updater, snapshot.Lead, cancellationToken);

    private async Task SendPendingAsync(LeadUpdater updater, Lead? lead, CancellationToken cancellationToken)
    {
        if (lead?.PendingHandoff is not { } pending)
        {
            return;
        }

        await handoffs.EnqueueAsync(SalesHandoff.For(lead, pending), cancellationToken);

        // Clearing the flag may race with other writers; a flag left set only re-sends a handoff that
        // the sales-handoff function recognises by its id.
        await updater.UpdateAsync(
            lead.Id,
            s =>
                Task.FromResult(
                    s.Lead?.PendingHandoff == pending
                        ? LeadChange.Updated(s.Lead with { PendingHandoff = null }, s.ETag)
                        : null
                ),
            cancellationToken
        );
    }
}
