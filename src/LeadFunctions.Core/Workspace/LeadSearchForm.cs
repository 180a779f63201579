using System.Globalization;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// The lead search as typed (GET /api/app/leads?q=&amp;stage=&amp;source=&amp;temperature=&amp;minScore=&amp;page=):
/// kept as text, so that the form shows it back as it was, and read into a <see cref="LeadFilter"/> by the rules the
/// API's list reads its query by.
/// </summary>
public sealed record LeadSearchForm(
    string Email,
    string Stage,
    string Source,
    string Temperature,
    string MinScore,
    string? Page
)
{
    public static readonly LeadSearchForm Empty = new("", "", "", "", "", null);

    /// <param name="field">A query parameter's value by name; null when it is not there.</param>
    public static LeadSearchForm Read(Func<string, string?> field) =>
        new(
            field("q") ?? "",
            field("stage") ?? "",
            field("source") ?? "",
            field("temperature") ?? "",
            field("minScore") ?? "",
            field("page") is { Length: > 0 } page ? page : null
        );

    /// <summary>The filter asked for, or null with the fields that are not valid (by name, the text saying
    /// why).</summary>
    public (LeadFilter? Filter, IReadOnlyDictionary<string, TextId> Errors) ToFilter()
    {
        var errors = new Dictionary<string, TextId>(StringComparer.Ordinal);
        var prefix = EmailPrefix.Normalize(Email) is { Length: > 0 } typed ? typed : null;
        if (prefix is not null && !EmailPrefix.IsValid(prefix))
        {
            errors["q"] = TextId.LeadsEmailRule;
        }

        LifecycleStage? stage = LifecycleStages.TryParse(Stage, out var s) ? s : null;
        if (stage is null && Stage.Length > 0)
        {
            errors["stage"] = TextId.LeadsChoiceRule;
        }

        Temperature? temperature = Temperatures.TryParse(Temperature, out var t) ? t : null;
        if (temperature is null && Temperature.Length > 0)
        {
            errors["temperature"] = TextId.LeadsChoiceRule;
        }

        var source = Source.Trim() is { Length: > 0 } named ? named : null;
        if (source is not null && !LeadSources.IsValid(source))
        {
            errors["source"] = TextId.LeadsSourceRule;
        }

        int? minScore = int.TryParse(
            MinScore.Trim(),
            NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture,
            out var n
        )
            ? n
            : null;
        if (minScore is null && MinScore.Trim().Length > 0)
        {
            errors["minScore"] = TextId.LeadsMinScoreRule;
        }

        return (errors.Count == 0 ? new LeadFilter(stage, source, minScore, prefix, temperature) : null, errors);
    }

    /// <summary>This search's address at the page a continuation token names (null: the first page).</summary>
    public string Link(string? page)
    {
        var query = new[]
        {
            ("q", Email),
            ("stage", Stage),
            ("source", Source),
            ("temperature", Temperature),
            ("minScore", MinScore),
            ("page", page ?? ""),
        }
            .Where(p => p.Item2.Length > 0)
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}");
        return $"{WorkspacePaths.Leads}?{string.Join('&', query)}".TrimEnd('?');
    }
}
