namespace LeadFunctions.Core.Leads;

/// <summary>Where leads and their timelines live. Implemented by the Azure Tables adapter.</summary>
public interface ILeadStore
{
    Task<VersionedLead?> FindAsync(string leadId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the lead and its new timeline entries atomically. <paramref name="etag"/> is the version
    /// read (null for a new lead); a lead changed since is a <see cref="SaveResult.Conflict"/>, and a
    /// timeline entry that is already recorded is <see cref="SaveResult.AlreadyApplied"/>.
    /// </summary>
    Task<SaveResult> SaveAsync(Lead lead, string? etag, IReadOnlyList<TimelineEntry> entries, CancellationToken cancellationToken);
}

public sealed record VersionedLead(Lead Lead, string ETag);

public enum SaveResult
{
    Saved,
    Conflict,
    AlreadyApplied,
}
