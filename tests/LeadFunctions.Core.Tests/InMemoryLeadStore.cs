using System.Globalization;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Tests;

/// <summary>A lead store with the table store's contract: ETags, and entries/events that can be written once.</summary>
internal sealed class InMemoryLeadStore : ILeadStore
{
    private readonly Dictionary<string, Partition> partitions = [];

    /// <summary>Called before each save: lets a test change the lead behind the processor's back.</summary>
    public Action<InMemoryLeadStore>? BeforeSave { get; set; }

    public int Saves { get; private set; }

    /// <summary>How often a lead was read with all its events (the table store's partition query).</summary>
    public int FullLoads { get; private set; }

    public Lead? this[string id] => partitions.TryGetValue(id, out var p) ? p.Lead : null;

    public IReadOnlyList<Enrollment> Enrollments(string id) =>
        partitions.TryGetValue(id, out var p) ? [.. p.Enrollments.Values] : [];

    public IReadOnlyList<TimelineEntry> Entries(string id) => partitions.TryGetValue(id, out var p) ? p.Entries : [];

    public IReadOnlyList<EngagementEvent> Events(string id) => partitions.TryGetValue(id, out var p) ? p.Events : [];

    public Task<VersionedLead?> FindAsync(string leadId, CancellationToken cancellationToken) =>
        Task.FromResult(
            partitions.TryGetValue(leadId, out var p) && p.Lead is not null ? new VersionedLead(p.Lead, ETag(p)!) : null
        );

    public Task<LeadSnapshot> LoadAsync(string leadId, CancellationToken cancellationToken)
    {
        FullLoads++;
        return Task.FromResult(Snapshot(leadId));
    }

    /// <summary>As the table store: a lead's row without its events (the partition when there is no lead).</summary>
    public Task<LeadSnapshot> LoadLeadAsync(string leadId, CancellationToken cancellationToken)
    {
        var snapshot = Snapshot(leadId);
        return snapshot.Lead is null
            ? LoadAsync(leadId, cancellationToken)
            : Task.FromResult(snapshot with { Events = [] });
    }

    private LeadSnapshot Snapshot(string leadId)
    {
        var p = partitions.GetValueOrDefault(leadId);
        return new LeadSnapshot(
            leadId,
            p?.Lead,
            p is null ? null : ETag(p),
            p?.Events.ToList() ?? [],
            p?.WaitingConsent,
            null,
            p?.Enrollments.Values.ToList() ?? []
        );
    }

    public Task<SaveResult> SaveAsync(LeadChange change, CancellationToken cancellationToken)
    {
        BeforeSave?.Invoke(this);
        var p = partitions.GetValueOrDefault(change.LeadId) ?? new Partition();
        var consents = change.ConsentRecords ?? [];
        if (
            change.Entries.Any(e => p.Entries.Any(x => x.Id == e.Id))
            || change.NewEvents.Any(e => p.Events.Any(x => x.EventId == e.EventId))
            || consents.Any(r => p.Consents.Any(x => x.Id == r.Id))
        )
        {
            return Task.FromResult(SaveResult.AlreadyApplied);
        }

        // Before there is a lead, the version counts the events kept for the person, as the table's "waiting" row does.
        var versioned = change.Lead is not null || change.NewEvents.Count > 0 || consents.Count > 0;
        if (versioned && change.ETag != ETag(p))
        {
            return Task.FromResult(SaveResult.Conflict);
        }

        if (versioned)
        {
            p.Lead = change.Lead ?? p.Lead;
            p.WaitingConsent = change.WaitingConsent ?? p.WaitingConsent;
            p.Version++;
        }

        foreach (var enrollment in change.Enrollments ?? [])
        {
            p.Enrollments[enrollment.CampaignId] = enrollment;
        }

        p.Entries.AddRange(change.Entries);
        p.Events.AddRange(change.NewEvents);
        p.Consents.AddRange(consents);
        partitions[change.LeadId] = p;
        Saves++;
        return Task.FromResult(SaveResult.Saved);
    }

    public async IAsyncEnumerable<LeadSnapshot> ScanAsync(
        LeadIdRange range,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        foreach (var id in partitions.Keys.Where(range.Contains).Order(StringComparer.Ordinal).ToList())
        {
            yield return await LoadAsync(id, cancellationToken);
        }
    }

    public Task<bool> HasEntryAsync(string leadId, TimelineEntry entry, CancellationToken cancellationToken) =>
        Task.FromResult(Entries(leadId).Any(e => e.Id == entry.Id));

    public Task<IReadOnlyList<ConsentRecord>> ReadConsentAsync(string leadId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConsentRecord>>(
            partitions.TryGetValue(leadId, out var p) ? [.. p.Consents.OrderBy(r => r.At)] : []
        );

    public Task<int> EraseAsync(string leadId, CancellationToken cancellationToken) =>
        Task.FromResult(partitions.Remove(leadId) ? 1 : 0);

    public Task<IReadOnlyList<TimelineEntry>> ReadTimelineAsync(
        string leadId,
        int max,
        CancellationToken cancellationToken
    ) => Task.FromResult<IReadOnlyList<TimelineEntry>>([.. Entries(leadId).OrderByDescending(e => e.At).Take(max)]);

    public void Touch(string id) => partitions[id].Version++;

    private static string? ETag(Partition p) =>
        p.Lead is null && p.Version == 0 ? null : p.Version.ToString(CultureInfo.InvariantCulture);

    private sealed class Partition
    {
        public Lead? Lead { get; set; }

        public int Version { get; set; }

        public List<TimelineEntry> Entries { get; } = [];

        public List<EngagementEvent> Events { get; } = [];

        public List<ConsentRecord> Consents { get; } = [];

        public ConsentState? WaitingConsent { get; set; }

        public Dictionary<string, Enrollment> Enrollments { get; } = [];
    }
}
