using LeadFunctions.Core.Engagement;

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
    /// Writes a change atomically. A lead changed since it was read is a <see cref="SaveResult.Conflict"/>.
    /// Before a person is a lead, the snapshot's ETag versions the events kept for them: keeping another
    /// (a change with events and no lead) and creating the lead both conflict when the other happened
    /// since the read. A timeline entry or event that is already recorded makes it <see cref="SaveResult.AlreadyApplied"/>.
    /// </summary>
    Task<SaveResult> SaveAsync(LeadChange change, CancellationToken cancellationToken);

    /// <summary>Every lead of the range with its events, partition by partition, in one pass (a partition over a page boundary read again as LoadAsync reads it).</summary>
    IAsyncEnumerable<LeadSnapshot> ScanAsync(LeadIdRange range, CancellationToken cancellationToken);

    Task<bool> HasEntryAsync(string leadId, TimelineEntry entry, CancellationToken cancellationToken);

    /// <summary>Newest first: timeline entries and engagement events together.</summary>
    Task<IReadOnlyList<TimelineEntry>> ReadTimelineAsync(string leadId, int max, CancellationToken cancellationToken);
}

public sealed record VersionedLead(Lead Lead, string ETag);

public sealed record LeadSnapshot(string LeadId, Lead? Lead, string? ETag, IReadOnlyList<EngagementEvent> Events);

/// <summary>What one message changes: the lead (null when only an event is kept for a future lead), new entries and events.</summary>
public sealed record LeadChange(string LeadId, Lead? Lead, string? ETag, IReadOnlyList<TimelineEntry> Entries, IReadOnlyList<EngagementEvent> NewEvents);

public enum SaveResult
{
    Saved,
    Conflict,
    AlreadyApplied,
}
