namespace LeadFunctions.Core.Leads;

/// <summary>
/// Something that happened to a lead. <see cref="Id"/> is unique per lead and deterministic for the
/// thing it records (a submission's id, an event's id), so recording it twice is detectable.
/// </summary>
public sealed record TimelineEntry(string Id, DateTimeOffset At, TimelineKind Kind, string Summary);

public enum TimelineKind
{
    Submission,
    Event,
    Score,
    Stage,
    Email,
    Consent,
    Handoff,
    Temperature,

    /// <summary>A campaign enrollment started, stopped, or an email of it opened or clicked.</summary>
    Campaign,
}
