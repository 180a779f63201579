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
        typeof(Field),
        typeof(Choice),
        typeof(Option),
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
        var placed = new HashSet<string>(StringComparer.Ordinal);
        Field F(string name, TextId label, string value, TextId? help = null)
        {
            placed.Add(name);
            return new(name, IdOf(name), t[label], value, ErrorOf(errors, name), help is { } h ? t[h] : string.Empty);
        }

        Choice C(
            string name,
            TextId legend,
            IEnumerable<(string Value, string Label)> options,
            IReadOnlyList<string> on
        )
        {
            placed.Add(name);
            return new(
                name,
                IdOf(name),
                t[legend],
                [.. options.Select(o => new Option(o.Value, o.Label, on.Contains(o.Value), IdOf($"{name}-{o.Value}")))],
                ErrorOf(errors, name)
            );
        }

        var stages = Stages.Select(s => (s, t.Stage(Enum.Parse<LifecycleStage>(s, ignoreCase: true))));
        var events = EventTypes.All.Order(StringComparer.Ordinal).Select(e => (e, e));
        var steps = form.Steps.Select((step, i) => Step(form, step, i, errors, F, t)).ToList();
        var model = new Model(
            shell.T,
            WorkspaceShell.TokenField,
            shell.Token,
            form.IsNew
                ? WorkspacePaths.Campaigns + "/new"
                : $"{WorkspacePaths.Campaigns}/{Uri.EscapeDataString(form.Id)}/edit",
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
            C(
                "sendWindow.days",
                TextId.EditorWindowDays,
                Days.Select(d => (d, t[Enum.Parse<TextId>("Day" + d)])),
                form.WindowDays
            ),
            F("reenter.after", TextId.EditorReenter, form.ReenterAfter, TextId.EditorReenterHelp),
            steps,
            enrolled is { } n ? t.Format(TextId.EditorRunning, CampaignListPage.Number(n)) : string.Empty,
            renamedStep ?? string.Empty,
            [.. Summary(errors, placed, steps)]
        );
        var title = form.IsNew ? t[TextId.CampaignsNew] : t.Format(TextId.EditorTitle, form.Name);
        return WorkspaceLayout.Render(shell, title, Template.Render(model));
    }

    private static StepModel Step(
        CampaignForm form,
        StepForm step,
        int i,
        IReadOnlyDictionary<string, string[]> errors,
        Func<string, TextId, string, TextId?, Field> field,
        LeadLabels t
    )
    {
        var at = $"steps[{i}]";
        var other = Texts.Get(TextId.LanguageName, form.TranslationLanguage);
        var translations = $"{at}.translations.{form.TranslationLanguage}";
        return new StepModel(
            i,
            at,
            step.Kind,
            step.IsEmail,
            i + 1,
            i > 0,
            i < form.Steps.Count - 1,
            field($"{at}.id", TextId.EditorStepId, step.Id, null),
            field($"{at}.delay", TextId.EditorDelay, step.Delay, TextId.EditorDelayHelp),
            field($"{at}.subject", TextId.EditorSubject, step.Subject, null),
            field($"{at}.html", TextId.EditorHtml, step.Html, null),
            field($"{at}.text", TextId.EditorText, step.Text, null),
            t.Format(TextId.EditorTranslation, other),
            field($"{translations}.subject", TextId.EditorSubject, step.TranslationSubject, null) with
            {
                Name = $"{at}.translation.subject",
            },
            field($"{translations}.html", TextId.EditorHtml, step.TranslationHtml, null) with
            {
                Name = $"{at}.translation.html",
            },
            field($"{translations}.text", TextId.EditorText, step.TranslationText, null) with
            {
                Name = $"{at}.translation.text",
            },
            field($"{at}.json", TextId.EditorJson, step.Json, TextId.EditorJsonHelp),
            // What the validator says of the step as a whole, or of a part an advanced step holds.
            string.Join(
                " ",
                errors
                    .Where(e => (e.Key == at || e.Key.StartsWith(at + ".", StringComparison.Ordinal)) && !step.IsEmail)
                    .Where(e => e.Key != $"{at}.json")
                    .Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")
            )
        );
    }

    /// <summary>Every error, each linking to its field; one with no field of its own (a rule on the whole campaign)
    /// links to the form.</summary>
    private static IEnumerable<Problem> Summary(
        IReadOnlyDictionary<string, string[]> errors,
        HashSet<string> placed,
        List<StepModel> steps
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
    private static string? Nearest(string key, HashSet<string> placed)
    {
        var step = StepKey().Match(key);
        return step.Success && placed.Contains(step.Value + ".json") ? step.Value + ".json"
            : step.Success && placed.Contains(step.Value + ".id") ? step.Value + ".id"
            : null;
    }

    private static string ErrorOf(IReadOnlyDictionary<string, string[]> errors, string name) =>
        errors.TryGetValue(name, out var messages) ? string.Join(" ", messages) : string.Empty;

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
        Field IdField,
        Field Name,
        Choice Language,
        Field Priority,
        Choice TriggerStages,
        Choice TriggerEvents,
        Field TriggerSources,
        Choice AudienceStages,
        Field AudienceSources,
        Field MinScore,
        Choice Temperatures,
        Choice StopStages,
        Choice StopEvents,
        Field WindowFrom,
        Field WindowTo,
        Choice WindowDays,
        Field Reenter,
        IReadOnlyList<StepModel> Steps,
        string Running,
        string RenamedStep,
        IReadOnlyList<Problem> Problems
    );

    private sealed record Field(string Name, string Id, string Label, string Value, string Error, string Help);

    private sealed record Choice(string Name, string Id, string Legend, IReadOnlyList<Option> Options, string Error);

    private sealed record Option(string Value, string Label, bool Checked, string Id);

    private sealed record StepModel(
        int Index,
        string Prefix,
        string Kind,
        bool IsEmail,
        int Number,
        bool CanUp,
        bool CanDown,
        Field StepId,
        Field Delay,
        Field Subject,
        Field Html,
        Field Text,
        string Translation,
        Field TranslationSubject,
        Field TranslationHtml,
        Field TranslationText,
        Field Json,
        string Error
    );

    private sealed record Problem(string Field, string Message, string Target);
}
