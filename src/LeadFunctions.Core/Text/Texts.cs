using System.Globalization;

namespace LeadFunctions.Core.Text;

/// <summary>
/// The one catalog of what people read on our pages and in our emails: one table per language, keyed by
/// <see cref="TextId"/>, as resource files are. A language we do not speak reads <see cref="Fallback"/>.
/// </summary>
public static class Texts
{
    public const string Fallback = "en";

    private const string Turkish = "tr";

    /// <summary>The language codes there is a table for, in the order a page in all of them shows them.</summary>
    public static readonly IReadOnlyList<string> Languages = [Turkish, Fallback];

    private static readonly Dictionary<string, IReadOnlyDictionary<TextId, string>> Tables = new(StringComparer.Ordinal)
    {
        [Turkish] = TurkishTexts.Table,
        [Fallback] = EnglishTexts.Table,
    };

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> ByNames = Tables.ToDictionary(
        t => t.Key,
        t =>
            (IReadOnlyDictionary<string, string>)
                t.Value.ToDictionary(p => p.Key.ToString(), p => p.Value, StringComparer.Ordinal),
        StringComparer.Ordinal
    );

    public static string Get(TextId id, string language) => Table(language)[id];

    /// <summary>A text with <c>{0}</c>… filled with <paramref name="values"/>, culture-invariant.</summary>
    public static string Format(TextId id, string language, params object[] values) =>
        string.Format(CultureInfo.InvariantCulture, Get(id, language), values);

    /// <summary>Every text of a language by its id's name, for a template: <c>{{ T.DashboardTitle }}</c>.</summary>
    public static IReadOnlyDictionary<string, string> ByName(string language) =>
        ByNames.GetValueOrDefault(language) ?? ByNames[Fallback];

    private static IReadOnlyDictionary<TextId, string> Table(string language) =>
        Tables.GetValueOrDefault(language) ?? Tables[Fallback];
}
