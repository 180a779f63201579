using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Leads;

/// <summary>
/// A search by email (<see cref="LeadFilter.EmailPrefix"/>): an address or its beginning, compared with the
/// normalized addresses leads are kept under. One rule for the API's list and the workspace's search.
/// </summary>
public static class EmailPrefix
{
    public const int MaxLength = 254;

    /// <summary>Typed text as stored addresses are compared with it: trimmed and in lower case.</summary>
    public static string? Normalize(string? text) => text?.Trim().ToLowerInvariant();

    /// <summary>Control characters would split the table filter the prefix becomes.</summary>
    public static bool IsValid(string prefix) => prefix.Length <= MaxLength && !SafeText.HasControlCharacters(prefix);
}
