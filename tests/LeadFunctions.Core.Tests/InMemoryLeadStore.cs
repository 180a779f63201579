using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Tests;

/// <summary>A lead store with the same contract as the table store: ETags and idempotent timeline entries.</summary>
internal sealed class InMemoryLeadStore : ILeadStore
{
    private readonly Dictionary<string, (Lead Lead, int Version, HashSet<string> Entries)> rows = [];

    /// <summary>Called before each save: lets a test change the lead behind the processor's back.</summary>
    public Action<InMemoryLeadStore>? BeforeSave { get; set; }

    public int Saves { get; private set; }

    public Lead? this[string id] => rows.TryGetValue(id, out var row) ? row.Lead : null;

    public Task<VersionedLead?> FindAsync(string leadId, CancellationToken cancellationToken) =>
        Task.FromResult(rows.TryGetValue(leadId, out var row) ? new VersionedLead(row.Lead, row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null);

    public Task<SaveResult> SaveAsync(Lead lead, string? etag, IReadOnlyList<TimelineEntry> entries, CancellationToken cancellationToken)
    {
        BeforeSave?.Invoke(this);
        var exists = rows.TryGetValue(lead.Id, out var row);
        if (exists && entries.Any(e => row.Entries.Contains(e.Id)))
        {
            return Task.FromResult(SaveResult.AlreadyApplied);
        }

        if (exists != (etag is not null) || exists && etag != row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return Task.FromResult(SaveResult.Conflict);
        }

        var recorded = exists ? row.Entries : [];
        recorded.UnionWith(entries.Select(e => e.Id));
        rows[lead.Id] = (lead, exists ? row.Version + 1 : 1, recorded);
        Saves++;
        return Task.FromResult(SaveResult.Saved);
    }

    public void Touch(string id)
    {
        var row = rows[id];
        rows[id] = row with { Version = row.Version + 1 };
    }
}
