using System.Globalization;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>The lead search page: the search form, every field labelled with its error beside it, and one page of
/// leads, each linking to its page.</summary>
public static class LeadSearchPage
{
    private static readonly HtmlTemplate Template = new(
        "workspace-leads.liquid",
        typeof(Model),
        typeof(Field),
        typeof(Choice),
        typeof(Row)
    );

    /// <summary>What the address says was done before coming here: a person erased.</summary>
    public const string Erased = "erased";

    /// <param name="done">What was done before coming here (<see cref="Erased"/>), if anything.</param>
    public static string Render(WorkspaceShell shell, LeadSearchResult result, string? done = null)
    {
        var t = new LeadLabels(shell.Language);
        var form = result.Form;
        string Error(string field) => result.Errors.TryGetValue(field, out var id) ? t[id] : string.Empty;
        var any = new Choice(string.Empty, t[TextId.LeadsAny], false);
        Field[] fields =
        [
            new("q", t[TextId.LeadsEmail], "search", form.Email, t[TextId.LeadsEmailHelp], Error("q"), []),
            new(
                "stage",
                t[TextId.LeadsStage],
                string.Empty,
                string.Empty,
                string.Empty,
                Error("stage"),
                [any, .. Enum.GetValues<LifecycleStage>().Select(s => Option(s.ToApiName(), t.Stage(s), form.Stage))]
            ),
            new("source", t[TextId.LeadsSource], "text", form.Source, t[TextId.LeadsSourceHelp], Error("source"), []),
            new(
                "temperature",
                t[TextId.LeadsTemperature],
                string.Empty,
                string.Empty,
                string.Empty,
                Error("temperature"),
                [
                    any,
                    .. Enum.GetValues<Temperature>()
                        .Select(v => Option(v.ToApiName(), t.Temperature(v), form.Temperature)),
                ]
            ),
            new("minScore", t[TextId.LeadsMinScore], "number", form.MinScore, string.Empty, Error("minScore"), []),
        ];
        var body = Template.Render(
            new Model(
                shell.T,
                done == Erased ? t[TextId.LeadsErased] : string.Empty,
                fields,
                Error("page"),
                form.Link(null),
                [.. result.Leads.Select(l => RowOf(l, t))],
                result.Next is null ? string.Empty : form.Link(result.Next)
            )
        );
        return WorkspaceLayout.Render(shell, t[TextId.WorkspaceLeads], body);
    }

    private static Choice Option(string value, string label, string chosen) =>
        new(value, label, string.Equals(value, chosen, StringComparison.Ordinal));

    private static Row RowOf(Lead lead, LeadLabels t) =>
        new(
            LeadDetailPage.PathOf(lead.Id),
            lead.FullName() ?? lead.Email,
            lead.Email,
            lead.Company ?? string.Empty,
            t.Stage(lead.Stage),
            lead.Score.Total.ToString(CultureInfo.InvariantCulture),
            t.Temperature(lead.Temperature)
        );

    private sealed record Model(
        IReadOnlyDictionary<string, string> T,
        string Done,
        IReadOnlyList<Field> Fields,
        string PageError,
        string FirstPage,
        IReadOnlyList<Row> Rows,
        string Next
    );

    /// <summary>A labelled field: a text input of <paramref name="Type"/>, or a select when it has
    /// <paramref name="Choices"/>.</summary>
    private sealed record Field(
        string Id,
        string Label,
        string Type,
        string Value,
        string Help,
        string Error,
        IReadOnlyList<Choice> Choices
    );

    private sealed record Choice(string Value, string Label, bool Selected);

    private sealed record Row(
        string Link,
        string Name,
        string Email,
        string Company,
        string Stage,
        string Score,
        string Temperature
    );
}
