using System.ComponentModel.DataAnnotations;

namespace LeadFunctions.Host.Configuration;

/// <summary>
/// Settings of this runtime that host.json has no key for ("Runtime:Queues"): kept out of host.json
/// so that the Azure Functions host never sees keys it does not know.
/// </summary>
public sealed class RuntimeQueueOptions
{
    public const string SectionName = "Runtime:Queues";

    /// <summary>
    /// How long a received message stays invisible (renewed at half while its function runs). Functions
    /// uses 10 minutes; it is also how long a message held by a host that died waits to be redelivered.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan MessageLease { get; set; } = TimeSpan.FromMinutes(10);
}
