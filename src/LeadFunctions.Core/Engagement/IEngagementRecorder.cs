using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Engagement;

/// <summary>Records an engagement event on the person's lead at once (<see cref="EngagementProcessor"/>), for a use
/// case that has many to record and records them itself rather than queueing each (a webinar's no-shows).</summary>
public interface IEngagementRecorder
{
    Task<UpdateOutcome> ProcessAsync(EngagementEvent engagementEvent, CancellationToken cancellationToken);
}
