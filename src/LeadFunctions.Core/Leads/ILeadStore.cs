namespace LeadFunctions.Core.Leads;

/// <summary>Where leads, their engagement and their timelines live. Implemented by the Azure Tables adapter.</summary>
public interface ILeadStore
{
    /// <summary>One point read: the lead alone (for answering reads).</summary>
    Task<VersionedLead?> FindAsync(string leadId, CancellationToken cancellationToken);

    /// <summary>
    /// The lead (if any) with every engagement event recorded for that person: one query, or, past a page
    /// of rows, the version first and then the events, so that a save against it misses no write in between.
    /// </summary>
    Task<LeadSnapshot> LoadAsync(string leadId, CancellationToken cancellationToken);

    /// <summary>
    /// The lead row alone, with its enrollments and <see cref="Lead.LastEventAt"/> but not the events: one point read,
    /// for a writer that decides on the lead and its enrollments only (a nurture send). A store that cannot tell the
    /// two apart loads the whole partition.
    /// </summary>
    Task<LeadSnapshot> LoadLeadAsync(string leadId, CancellationToken cancellationToken) =>
        LoadAsync(leadId, cancellationToken);

    /// <summary>
    /// Writes a change atomically. A lead changed since it was read is a <see cref="SaveResult.Conflict"/>.
    /// Before a person is a lead, the snapshot's ETag versions the events kept for them: keeping another
    /// (a change with events and no lead) and creating the lead both conflict when the other happened
    /// since the read. A timeline entry or event that is already recorded makes it
    /// <see cref="SaveResult.AlreadyApplied"/>.
    /// </summary>
    Task<SaveResult> SaveAsync(LeadChange change, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="SaveAsync"/>, with the lead row's new ETag once saved (null when the store cannot tell), so a
    /// writer that changes the same lead again at once (a nurture send: claim, then record) need not read it back.
    /// </summary>
    async Task<(SaveResult Result, string? ETag)> SaveVersionedAsync(
        LeadChange change,
        CancellationToken cancellationToken
    ) => (await SaveAsync(change, cancellationToken), null);

    /// <summary>Every lead of the range with its events, partition by partition, in one pass (a partition over a page
    /// boundary read again as LoadAsync reads it).</summary>
    IAsyncEnumerable<LeadSnapshot> ScanAsync(LeadIdRange range, CancellationToken cancellationToken);

    Task<bool> HasEntryAsync(string leadId, TimelineEntry entry, CancellationToken cancellationToken);

    /// <summary>The person's consent ledger, oldest decision first (also for an email that is no lead yet).</summary>
    Task<IReadOnlyList<ConsentRecord>> ReadConsentAsync(string leadId, CancellationToken cancellationToken);

    /// <summary>Deletes every row of the lead's partition (erasure); answers how many.</summary>
    Task<int> EraseAsync(string leadId, CancellationToken cancellationToken);

    /// <summary>Newest first: timeline entries and engagement events together.</summary>
    Task<IReadOnlyList<TimelineEntry>> ReadTimelineAsync(string leadId, int max, CancellationToken cancellationToken);
}

public sealed record VersionedLead(Lead Lead, string ETag);

/// <summary>
/// A partition as read: the lead, or before there is one the consent kept for the person
/// (<paramref name="WaitingConsent"/>).
/// <paramref name="LegacyConsent"/> is the ledger row that a lead written before the ledger stands for; the next
/// write of that lead records it. <paramref name="Recent"/> is the partition's <see cref="RecentActivity"/> (null when
/// its rows were written before there was one, or the store keeps none).
/// </summary>
public sealed record LeadSnapshot(
    string LeadId,
    Lead? Lead,
    string? ETag,
    IReadOnlyList<EngagementEvent> Events,
    ConsentState? WaitingConsent = null,
    ConsentRecord? LegacyConsent = null,
    IReadOnlyList<Enrollment>? Enrollments = null,
    RecentActivity? Recent = null
)
{
    /// <summary>The lead's campaign enrollments (kept in the lead row).</summary>
    public IReadOnlyList<Enrollment> CampaignEnrollments => Enrollments ?? [];

    public Enrollment? EnrollmentIn(string campaignId) =>
        CampaignEnrollments.FirstOrDefault(e => e.CampaignId == campaignId);

    /// <summary>The partition as <paramref name="change"/> left it, versioned by the lead row's new
    /// <paramref name="etag"/>.</summary>
    public LeadSnapshot After(LeadChange change, string etag) =>
        new(
            LeadId,
            change.Lead ?? Lead,
            etag,
            [.. Events, .. change.NewEvents],
            Enrollments: EnrollmentsAfter(change),
            Recent: change.Recent
        );

    /// <summary>Every enrollment of the lead once <paramref name="change"/> is written: its own versions replace those
    /// read.</summary>
    public IReadOnlyList<Enrollment> EnrollmentsAfter(LeadChange change) =>
        [
            .. CampaignEnrollments.Where(e => change.Enrollments?.All(c => c.CampaignId != e.CampaignId) ?? true),
            .. change.Enrollments ?? [],
        ];

    /// <summary>The person's consent, lead or not.</summary>
    public ConsentState Consent => Lead?.Consent ?? WaitingConsent ?? ConsentState.Empty;
}

/// <summary>
/// What one message changes: the lead (null when only events or consent are kept for a future lead), new timeline
/// entries, events and consent ledger rows, and for a future lead the consent state they leave. Built by the named
/// factories (a submission, an engagement, a consent decision …) and completed with <c>with</c>.
/// <see cref="Enrollments"/> are written (whole) with the lead row, which must then be part of the change: a decision
/// names the ones it changes, and the lead write completes the list with the others before it saves;
/// <see cref="Schedule"/> goes to the due index before the save and <see cref="Counts"/> to the campaign stats after
/// it.
/// </summary>
public sealed record LeadChange
{
    private LeadChange(string leadId, Lead? lead, string? etag)
    {
        LeadId = leadId;
        Lead = lead;
        ETag = etag;
    }

    public string LeadId { get; init; }

    public Lead? Lead { get; init; }

    /// <summary>The version the change was decided on (null: none, so a lead must not exist yet).</summary>
    public string? ETag { get; init; }

    public IReadOnlyList<TimelineEntry> Entries { get; init; } = [];

    public IReadOnlyList<EngagementEvent> NewEvents { get; init; } = [];

    public IReadOnlyList<ConsentRecord>? ConsentRecords { get; init; }

    public ConsentState? WaitingConsent { get; init; }

    public IReadOnlyList<Enrollment>? Enrollments { get; init; }

    public IReadOnlyList<DueSend>? Schedule { get; init; }

    public IReadOnlyList<StatDelta>? Counts { get; init; }

    /// <summary>The partition's <see cref="RecentActivity"/> with this change in it, written with the row that versions
    /// the partition (the lead write completes it from the snapshot); null writes none.</summary>
    public RecentActivity? Recent { get; init; }

    /// <summary>The lead row written as <paramref name="lead"/>, explained by <paramref name="entries"/>.</summary>
    public static LeadChange Updated(Lead lead, string? etag, params IReadOnlyList<TimelineEntry> entries) =>
        new(lead.Id, lead, etag) { Entries = entries };

    /// <summary>A submission merged into <paramref name="lead"/> (new or not), with any consent it gave.</summary>
    public static LeadChange Submitted(
        Lead lead,
        string? etag,
        IReadOnlyList<TimelineEntry> entries,
        ConsentRecord? consent
    ) => new(lead.Id, lead, etag) { Entries = entries, ConsentRecords = consent is null ? null : [consent] };

    /// <summary>Engagement of a lead: the events kept and the lead as they leave it.</summary>
    public static LeadChange Engaged(
        Lead lead,
        string? etag,
        IReadOnlyList<TimelineEntry> entries,
        params IReadOnlyList<EngagementEvent> events
    ) => new(lead.Id, lead, etag) { Entries = entries, NewEvents = events };

    /// <summary>Events of a person who is no lead (yet), kept for when they are one.</summary>
    public static LeadChange EventsKept(string leadId, string? etag, params IReadOnlyList<EngagementEvent> events) =>
        new(leadId, null, etag) { NewEvents = events };

    /// <summary>A consent decision of a lead: its ledger row and the lead's consent as it leaves it.</summary>
    public static LeadChange ConsentRecorded(Lead lead, string? etag, TimelineEntry entry, ConsentRecord record) =>
        new(lead.Id, lead, etag) { Entries = [entry], ConsentRecords = [record] };

    /// <summary>A consent decision of one who is no lead (yet): its ledger row and the consent left waiting.</summary>
    public static LeadChange ConsentKept(
        string leadId,
        string? etag,
        TimelineEntry entry,
        ConsentRecord record,
        ConsentState waiting
    ) =>
        new(leadId, null, etag)
        {
            Entries = [entry],
            ConsentRecords = [record],
            WaitingConsent = waiting,
        };
}

public enum SaveResult
{
    Saved,
    Conflict,
    AlreadyApplied,
}
