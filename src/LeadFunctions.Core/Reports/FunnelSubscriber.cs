using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Reports;

/// <summary>
/// Counts stage moves into the funnel counters after the write that made them: a message processed twice moves
/// nothing the second time. A crash between the write and the count leaves the counters a move behind.
/// </summary>
public sealed class FunnelSubscriber(IFunnelCounters counters) : ILeadChangeSubscriber
{
    public string Name => LeadChangeSubscribers.Funnel;

    public Task AfterSaveAsync(
        LeadUpdater updater,
        LeadSnapshot before,
        LeadChange change,
        CancellationToken cancellationToken
    ) => change.Lead is { } after ? CountAsync(before.Lead, after, cancellationToken) : Task.CompletedTask;

    /// <summary>Counts the moves from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public Task CountAsync(Lead? before, Lead after, CancellationToken cancellationToken) =>
        FunnelCounts.Of(before, after) is { Count: > 0 } counts
            ? counters.AddAsync(counts, cancellationToken)
            : Task.CompletedTask;
}
