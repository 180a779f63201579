using System.Text.RegularExpressions;

namespace LeadFunctions.Core.Leads;

/// <summary>The one rule for a source name (a lead's, an event's, a webinar platform's, a list filter's).</summary>
public static partial class LeadSources
{
    /// <summary>The source of a lead or event that names none.</summary>
    public const string Default = "web";

    public const string Rule = "1 to 50 lowercase letters, digits, '-' or '_'.";

    public static bool IsValid(string? source) => source is not null && Pattern().IsMatch(source);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
