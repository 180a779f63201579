using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Processing;

/// <summary>
/// A feature's part in every lead write, registered by the feature and called by <see cref="LeadUpdater"/> at each
/// stage of the write in the order <see cref="LeadChangeSubscribers.Order"/> states. Each stage runs again on every
/// attempt and every redelivery, so what a subscriber does there must be idempotent.
/// </summary>
public interface ILeadChangeSubscriber
{
    /// <summary>Its name in <see cref="LeadChangeSubscribers.Order"/>.</summary>
    string Name { get; }

    /// <summary>
    /// Inside the write: completes a decided change that writes the lead row, whose result is written as one
    /// transaction with it (ledger rows, enrollments). Not called when nothing is to be written or no lead row is.
    /// </summary>
    ValueTask<LeadChange> CompleteAsync(
        LeadSnapshot snapshot,
        LeadChange change,
        CancellationToken cancellationToken
    ) => ValueTask.FromResult(change);

    /// <summary>
    /// Just before each attempt to save the complete change: what lives outside the partition and must not lag it.
    /// </summary>
    Task BeforeSaveAsync(LeadChange change, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// After the save succeeded (never after a repeat): what follows from the change outside the partition.
    /// </summary>
    Task AfterSaveAsync(
        LeadUpdater updater,
        LeadSnapshot before,
        LeadChange change,
        CancellationToken cancellationToken
    ) => Task.CompletedTask;

    /// <summary>
    /// When nothing was saved: the decision found nothing new, or an earlier delivery had written the change (and may
    /// have died before what follows it).
    /// </summary>
    Task NotSavedAsync(LeadUpdater updater, LeadSnapshot snapshot, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
