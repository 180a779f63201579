using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Reports;

/// <summary>Counts stage moves into the funnel counters after the write that made them: a message processed twice moves nothing the second time.</summary>
public sealed class FunnelObserver(IFunnelCounters counters) : ILeadChangeObserver
{
    public Task OnSavedAsync(Lead? before, Lead after, CancellationToken cancellationToken) =>
        FunnelCounts.Of(before, after) is { Count: > 0 } counts ? counters.AddAsync(counts, cancellationToken) : Task.CompletedTask;
}
