using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Processing;

/// <summary>
/// Told of every lead write that succeeded (never of a repeat), with the lead before and after it, to keep an index or
/// counter that lives outside the lead's partition. A crash between the write and the call leaves that index a change
/// behind until the lead's next write.
/// </summary>
public interface ILeadChangeObserver
{
    Task OnSavedAsync(Lead? before, Lead after, CancellationToken cancellationToken);
}
