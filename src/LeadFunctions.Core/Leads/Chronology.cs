namespace LeadFunctions.Core.Leads;

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
