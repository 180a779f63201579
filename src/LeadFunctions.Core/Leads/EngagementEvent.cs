namespace LeadFunctions.Core.Leads;

/// <summary>
/// Something a person did (a page view, a download, a webinar attended, an email clicked), as it
/// travels on the lead-events queue. Events name the lead by id; an event for an email that is not
/// a lead yet is kept under the id that lead will have, and counts once the person becomes one.
/// </summary>
public sealed record EngagementEvent
{
    /// <summary>Unique per event and stable across redeliveries (a hash of the source's own id where it has
    /// one).</summary>
    public required string EventId { get; init; }

    public required string LeadId { get; init; }

    public required string Type { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Where it came from: "web", "zoom", "webinar", "sendgrid", "api".</summary>
    public required string Source { get; init; }

    public string? Url { get; init; }

    public IReadOnlyDictionary<string, string> Detail { get; init; } = new Dictionary<string, string>();
}
