using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Engagement;

/// <summary>The lead-events queue: engagement waiting to be recorded and scored.</summary>
public interface IEventQueue
{
    Task EnqueueAsync(EngagementEvent engagementEvent, CancellationToken cancellationToken);
}
