using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Adapters.Leads;

/// <summary>
/// A partition's <see cref="RecentActivity"/> on the row that versions it (the lead's, or the waiting row), as JSON in
/// "Recent", "Recent1" … (at most four parts, the unused ones cleared, since the waiting row is written by a merge). A
/// digest too long for them keeps the newer half of each list, and says it is partial, until it fits.
/// </summary>
internal static class RecentActivityMapper
{
    private const string Property = "Recent";
    private const int MaxParts = 4;

    public static void Write(TableEntity row, RecentActivity? recent)
    {
        while (recent is not null && !JsonColumns.TryWrite(row, Property, recent, MaxParts, clearUnused: true))
        {
            recent = new RecentActivity(
                [.. recent.Entries.Take(recent.Entries.Count / 2)],
                [.. recent.Events.Take(recent.Events.Count / 2)],
                [.. recent.Consent.Take(recent.Consent.Count / 2)],
                Partial: true
            );
        }
    }

    /// <summary>The row's digest; null for a row written before there was one.</summary>
    public static RecentActivity? Read(TableEntity row) => JsonColumns.Read<RecentActivity>(row, Property);
}
