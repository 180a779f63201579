using System.Text;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Intake;

/// <summary>Source names from the labels other systems give them (Salesforce's "Lead Source": "Trade Show",
/// "Web").</summary>
public static class SourceNames
{
    /// <summary>
    /// The label folded into a source name ("Trade Show" → "trade-show", "Fuar (İstanbul)" → "fuar-istanbul"),
    /// or null when nothing valid is left (empty, only punctuation, or too long to be a name).
    /// </summary>
    public static string? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = new StringBuilder(label.Length);
        foreach (var c in TextFolding.Fold(label))
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }
        }

        var folded = name.ToString().TrimEnd('-');
        return LeadSources.IsValid(folded) ? folded : null;
    }
}
