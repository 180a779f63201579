namespace LeadFunctions.Core.Leads;

/// <summary>
/// The newest of a person's timeline entries, engagement events and consent ledger, kept on the row that versions
/// their partition (the lead's, or before there is a lead the waiting row) and rewritten with every write of it, so
/// that the lead's page reads one row instead of three queries. It keeps the newest <see cref="MaxEntries"/> entries
/// and <see cref="MaxEvents"/> events, older stage moves (up to <see cref="MaxStageMoves"/>) and the newest score
/// change among the entries, and the newest <see cref="MaxConsent"/> ledger rows. <see cref="Partial"/> says that the
/// partition holds more than this: something was left out, or it was written before the digest existed.
/// </summary>
public sealed record RecentActivity(
    IReadOnlyList<TimelineEntry> Entries,
    IReadOnlyList<EngagementEvent> Events,
    IReadOnlyList<ConsentRecord> Consent,
    bool Partial
)
{
    public const int MaxEntries = 25;
    public const int MaxEvents = 25;
    public const int MaxStageMoves = 20;
    public const int MaxConsent = 20;

    /// <summary>A partition with nothing in it yet.</summary>
    public static RecentActivity None { get; } = new([], [], [], false);

    /// <summary>Whether the ledger may hold rows older than <see cref="Consent"/>: the digest left something out and
    /// kept as many ledger rows as it may.</summary>
    public bool MayLeaveOutConsent => Partial && Consent.Count >= MaxConsent;

    /// <summary>What it holds once <paramref name="change"/> is written.</summary>
    public RecentActivity After(LeadChange change)
    {
        var entries = Chronology.NewestFirst([.. change.Entries, .. Entries], e => e.At, e => e.Id);
        var kept = entries.Take(MaxEntries).ToList();
        var older = entries.Skip(MaxEntries).ToList();
        kept.AddRange(older.Where(e => e.Kind == TimelineKind.Stage).Take(MaxStageMoves));
        if (
            !kept.Exists(e => e.Kind == TimelineKind.Score)
            && older.Find(e => e.Kind == TimelineKind.Score) is { } score
        )
        {
            kept.Add(score);
        }

        var events = Chronology.NewestFirst([.. change.NewEvents, .. Events], e => e.OccurredAt, e => e.EventId);
        var consent = Chronology.NewestFirst([.. change.ConsentRecords ?? [], .. Consent], r => r.At, r => r.Id);
        return new RecentActivity(
            Chronology.NewestFirst(kept, e => e.At, e => e.Id),
            [.. events.Take(MaxEvents)],
            [.. consent.Take(MaxConsent)],
            Partial || entries.Count > kept.Count || events.Count > MaxEvents || consent.Count > MaxConsent
        );
    }
}

/// <summary>
/// The order of what a lead's partition holds (timeline entries, engagement events, consent records): newest first,
/// and at the same time by id, which is the order of the rows' keys, so that what the partition's digest
/// (<see cref="RecentActivity"/>) keeps is what a query of the partition reads first.
/// </summary>
internal static class Chronology
{
    public static List<T> NewestFirst<T>(IEnumerable<T> items, Func<T, DateTimeOffset> at, Func<T, string> id) =>
        [.. items.OrderByDescending(at).ThenBy(id, StringComparer.Ordinal)];
}

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

/// <summary>The engagement event types the scoring model knows by default (docs/reference.md, "POST
/// /api/events").</summary>
public static class EventTypes
{
    public const string PageView = "page_view";
    public const string ContentDownload = "content_download";
    public const string PricingPageView = "pricing_page_view";
    public const string DemoRequest = "demo_request";
    public const string WebinarRegistered = "webinar_registered";
    public const string WebinarAttended = "webinar_attended";

    /// <summary>A registrant who did not attend, once the webinar ended (a no-show).</summary>
    public const string WebinarMissed = "webinar_missed";
    public const string EmailOpen = "email_open";
    public const string EmailClick = "email_click";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        PageView,
        ContentDownload,
        PricingPageView,
        DemoRequest,
        WebinarRegistered,
        WebinarAttended,
        WebinarMissed,
        EmailOpen,
        EmailClick,
    };
}
