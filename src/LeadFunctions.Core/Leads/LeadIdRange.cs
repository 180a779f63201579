namespace LeadFunctions.Core.Leads;

/// <summary>
/// The lead ids from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive) in ordinal order:
/// a share of the Leads table that one worker scans on its own. Lead ids are lowercase hex hashes, so
/// ranges by their first digits are shares of about the same size.
/// </summary>
public sealed record LeadIdRange(string From, string To)
{
    /// <summary>256 ranges, "00"–"01" … "ff"–"fg", that together hold every well-formed lead id once.</summary>
    public static IReadOnlyList<LeadIdRange> ByFirstTwoDigits { get; } =
    [
        .. Enumerable
            .Range(0, 256)
            .Select(i => i.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))
            .Select(prefix => new LeadIdRange(prefix, $"{prefix[0]}{(char)(prefix[1] + 1)}")),
    ];

    public bool Contains(string leadId) =>
        string.CompareOrdinal(leadId, From) >= 0 && string.CompareOrdinal(leadId, To) < 0;
}
