using System.Globalization;
using System.Text.RegularExpressions;

namespace LeadFunctions.Core.Text;

/// <summary>
/// The validators' messages in a page's language. A validator writes its message in English, which the API answers
/// (problem+json) and a page shows in its own language: the English text is the key of its translation, as in gettext
/// (<see cref="TurkishFieldMessages"/>), and the values it carries ("{0}" in the key) go over as they are, each itself
/// translated when it is a message (a rule quoted in another). A message with no translation shows as written.
/// </summary>
public static partial class FieldMessages
{
    private static readonly Dictionary<string, IReadOnlyList<(Regex English, string Translated)>> Tables = new(
        StringComparer.Ordinal
    )
    {
        ["tr"] = Patterns(TurkishFieldMessages.Table),
    };

    /// <summary>The message in <paramref name="language"/>, or as written when there is no translation.</summary>
    public static string In(string language, string message)
    {
        if (!Tables.TryGetValue(language, out var table))
        {
            return message;
        }

        foreach (var (english, translated) in table)
        {
            if (english.Match(message) is { Success: true } match)
            {
                object[] values = [.. match.Groups.Values.Skip(1).Select(g => In(language, g.Value))];
                return string.Format(CultureInfo.InvariantCulture, translated, values);
            }
        }

        return message;
    }

    /// <summary>Every message of a field's errors in <paramref name="language"/>.</summary>
    public static IReadOnlyDictionary<string, string[]> In(
        string language,
        IReadOnlyDictionary<string, string[]> errors
    ) => errors.ToDictionary(e => e.Key, e => e.Value.Select(m => In(language, m)).ToArray(), StringComparer.Ordinal);

    /// <summary>The keys as patterns, the most specific (the most text besides values) first, so that a message that a
    /// shorter key would match as well ("The CSV could not be read ({0})." with a sentence after it) finds its
    /// own.</summary>
    private static List<(Regex English, string Translated)> Patterns(
        IReadOnlyList<(string English, string Translated)> table
    ) =>
        [
            .. table
                .OrderByDescending(m => Placeholder().Replace(m.English, string.Empty).Length)
                .Select(m => (Pattern(m.English), m.Translated)),
        ];

    /// <summary>The key as a pattern: its text literally, each "{n}" any text (the least that lets the rest
    /// match).</summary>
    private static Regex Pattern(string english) =>
        new(
            "^"
                + string.Concat(
                    Regex
                        .Split(english, @"(\{[0-9]+\})")
                        .Select(part => Placeholder().IsMatch(part) ? "(.*?)" : Regex.Escape(part))
                )
                + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline,
            TimeSpan.FromMilliseconds(100)
        );

    [GeneratedRegex(@"\{[0-9]+\}")]
    private static partial Regex Placeholder();
}
