using System.Text.RegularExpressions;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// The campaign editor: every part of a campaign as labelled fields (choices from the known stages, event types,
/// temperatures and days), steps that can be added, moved and removed with buttons that work without script, each
/// error next to its field and all of them listed at the top with links to the fields.
/// </summary>
public static partial class CampaignEditorPage
{
    private static readonly HtmlTemplate Template = new(
        "workspace-editor.liquid",
        typeof(Model),
        typeof(EditorField),
        typeof(EditorChoice),
        typeof(EditorOption),
        typeof(StepParts),
        typeof(BranchRow),
        typeof(VariantRow),
        typeof(StepModel),
        typeof(Problem)
    );

    private static readonly string[] Stages = [.. Enum.GetValues<LifecycleStage>().Select(s => s.ToApiName())];
    private static readonly string[] Temperatures = [.. Enum.GetValues<Temperature>().Select(t => t.ToApiName())];
    private static readonly string[] Days = [.. Enumerable.Range(1, 7).Select(d => WeekDays.Name((DayOfWeek)(d % 7)))];

    /// <param name="enrolled">People enrolled so far in a running campaign (what a save changes for them is said),
    /// else null.</param>
    /// <param name="renamedStep">Why the save needs confirming (a sent step seems renamed), or null.</param>
    public static string Render(
        WorkspaceShell shell,
        CampaignForm form,
        IReadOnlyDictionary<string, string[]> errors,
        long? enrolled,
        string? renamedStep
    )
    {
        var t = new LeadLabels(shell.Language);
        errors = FieldMessages.In(shell.Language, errors);
        var fields = new Fields(t, errors);
        var F = fields.Field;
        var C = fields.Choice;
        var stages = Stages.Select(s => (s, t.Stage(Enum.Parse<LifecycleStage>(s, ignoreCase: true))));
        var events = EventTypes.All.Order(StringComparer.Ordinal).Select(e => (e, e));
        var steps = form.Steps.Select((step, i) => Step(form, step, i, fields, stages, events)).ToList();
        var model = new Model(
            shell.T,
            WorkspaceShell.TokenField,
            shell.Token,
            form.IsNew ? WorkspacePaths.Campaigns + "/new" : $"{WorkspacePaths.Campaign(form.Id)}/edit",
            form.IsNew,
            form.Id,
            form.Active,
            F("id", TextId.EditorId, form.Id, TextId.EditorIdHelp),
            F("name", TextId.EditorName, form.Name),
            C(
                "language",
                TextId.EditorLanguage,
                Texts.Languages.Select(l => (l, Texts.Get(TextId.LanguageName, l))),
                [form.Language]
            ),
            F("priority", TextId.EditorPriority, form.Priority, TextId.EditorPriorityHelp),
            C("trigger.stageEntered", TextId.EditorTriggerStages, stages, form.TriggerStages),
            C("trigger.events", TextId.EditorTriggerEvents, events, form.TriggerEvents),
            F("trigger.sources", TextId.EditorTriggerSources, form.TriggerSources, TextId.EditorSourcesHelp),
            C("audience.stages", TextId.EditorAudienceStages, stages, form.AudienceStages),
            F("audience.sources", TextId.EditorAudienceSources, form.AudienceSources, TextId.EditorSourcesHelp),
            F("audience.minScore", TextId.EditorMinScore, form.AudienceMinScore),
            C(
                "audience.temperatures",
                TextId.EditorTemperatures,
                Temperatures.Select(x => (x, t.Temperature(Enum.Parse<Temperature>(x, ignoreCase: true)))),
                form.AudienceTemperatures
            ),
            C("stopWhen.stages", TextId.EditorStopStages, stages, form.StopStages),
            C("stopWhen.events", TextId.EditorStopEvents, events, form.StopEvents),
            F("sendWindow.from", TextId.EditorWindowFrom, form.WindowFrom),
            F("sendWindow.to", TextId.EditorWindowTo, form.WindowTo),
            C("sendWindow.days", TextId.EditorWindowDays, DayOptions(t), form.WindowDays),
            F("reenter.after", TextId.EditorReenter, form.ReenterAfter, TextId.EditorReenterHelp),
            steps,
            enrolled is { } n ? t.Format(TextId.EditorRunning, PageValues.Count(n)) : string.Empty,
            renamedStep ?? string.Empty,
            [.. Summary(errors, fields.Placed)]
        );
        var title = form.IsNew ? t[TextId.CampaignsNew] : t.Format(TextId.EditorTitle, form.Name);
        return WorkspaceLayout.Render(shell, title, Template.Render(model));
    }

    /// <summary>The days of the week, Monday first, each with its name.</summary>
    private static IEnumerable<(string, string)> DayOptions(LeadLabels t) =>
        Days.Select(d => (d, t[Enum.Parse<TextId>("Day" + d)]));

    /// <summary>Every error, each linking to its field; one with no field of its own (a rule on the whole campaign)
    /// links to the form.</summary>
    private static IEnumerable<Problem> Summary(
        IReadOnlyDictionary<string, string[]> errors,
        IReadOnlySet<string> placed
    ) =>
        errors
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e =>
            {
                var target = placed.Contains(e.Key) ? e.Key : Nearest(e.Key, placed);
                return new Problem(e.Key, string.Join(" ", e.Value), target is null ? "editor" : IdOf(target));
            });

    /// <summary>The field an error about a part of it belongs to ("steps[2].waitFor.clicked" → the step's
    /// JSON).</summary>
    private static string? Nearest(string key, IReadOnlySet<string> placed)
    {
        var step = StepKey().Match(key);
        return step.Success && placed.Contains(step.Value + ".json") ? step.Value + ".json"
            : step.Success && placed.Contains(step.Value + ".id") ? step.Value + ".id"
            : null;
    }

    /// <summary>An element id from a field name: "steps[1].delay" → "f-steps-1-delay".</summary>
    public static string IdOf(string name) => "f-" + NotIdCharacters().Replace(name, "-").Trim('-');

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotIdCharacters();

    [GeneratedRegex(@"^steps\[\d+\]")]
    private static partial Regex StepKey();

    private sealed record Model(
        IReadOnlyDictionary<string, string> T,
        string TokenField,
        string Token,
        string Action,
        bool IsNew,
        string Id,
        bool Active,
        EditorField IdField,
        EditorField Name,
        EditorChoice Language,
        EditorField Priority,
        EditorChoice TriggerStages,
        EditorChoice TriggerEvents,
        EditorField TriggerSources,
        EditorChoice AudienceStages,
        EditorField AudienceSources,
        EditorField MinScore,
        EditorChoice Temperatures,
        EditorChoice StopStages,
        EditorChoice StopEvents,
        EditorField WindowFrom,
        EditorField WindowTo,
        EditorChoice WindowDays,
        EditorField Reenter,
        IReadOnlyList<StepModel> Steps,
        string Running,
        string RenamedStep,
        IReadOnlyList<Problem> Problems
    );

    private sealed record EditorField(string Name, string Id, string Label, string Value, string Error, string Help);

    private sealed record EditorChoice(
        string Name,
        string Id,
        string Legend,
        IReadOnlyList<EditorOption> Options,
        string Error
    );

    private sealed record EditorOption(string Value, string Label, bool Checked, string Id);

    private sealed record StepModel(
        int Index,
        string Prefix,
        string Kind,
        string KindLabel,
        int Number,
        bool CanUp,
        bool CanDown,
        EditorField StepId,
        StepParts Parts,
        string Error
    );

    private sealed record Problem(string Field, string Message, string Target);
}
