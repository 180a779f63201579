using LeadFunctions.Core.Dashboard;
using LeadFunctions.Core.Queues;

namespace LeadFunctions.Functions.Health;

public sealed class HealthOptions : IQueueWaitLimits
{
    public const string SectionName = "Health";

    /// <summary>A queue whose oldest waiting message is older than this makes GET /api/health Degraded.</summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The same for lead-rescore, whose parts are queued all at once and wait their turn by design: a
    /// pass over many leads takes hours on one instance, and it must be through by the next night's.
    /// </summary>
    public TimeSpan MaxRescoreWait { get; set; } = TimeSpan.FromHours(12);

    public TimeSpan MaxWait(string queue) => queue == QueueNames.LeadRescore ? MaxRescoreWait : MaxQueueWait;
}
