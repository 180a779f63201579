using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Webinars;

namespace LeadFunctions.Core.Timeline;

/// <summary>An engagement event as the lead's timeline shows it, wherever the timeline is read from.</summary>
public static class EventEntries
{
    public static TimelineEntry Of(EngagementEvent engagement) =>
        new(
            engagement.EventId,
            engagement.OccurredAt,
            TimelineKind.Event,
            Registration.Summary(engagement)
                ?? $"{engagement.Type} via {engagement.Source}{(engagement.Url is { } url ? " " + url : string.Empty)}"
        );

    /// <summary>The entries and the events together, newest first (at the same time, by id).</summary>
    public static IReadOnlyList<TimelineEntry> Merged(
        IEnumerable<TimelineEntry> entries,
        IEnumerable<EngagementEvent> events
    ) => Chronology.NewestFirst(entries.Concat(events.Select(Of)), e => e.At, e => e.Id);
}
