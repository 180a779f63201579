namespace LeadFunctions.Functions.Health;

public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>A queue whose oldest waiting message is older than this makes GET /api/health Degraded.</summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromMinutes(5);
}
