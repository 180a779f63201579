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
