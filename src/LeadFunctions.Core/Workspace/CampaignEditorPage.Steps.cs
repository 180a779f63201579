using System.Globalization;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>The editor's steps: each kind's fields, and where a wait or a condition can send a person.</summary>
public static partial class CampaignEditorPage
{
    private static StepModel Step(
        CampaignForm form,
        StepForm step,
        int i,
        Fields fields,
        IEnumerable<(string, string)> stages,
        IEnumerable<(string, string)> events
    )
    {
        var t = fields.Labels;
        var at = $"steps[{i}]";
        var emails = form.Steps.Where(s => s.IsEmail).Select(s => (s.Id, s.Id)).Prepend((string.Empty, "—")).ToList();
        var targets = form
            .Steps.Where(s => s.Id != step.Id)
            .Select(s => (s.Id, s.Id))
            .Prepend((string.Empty, t[TextId.EditorStepBelow]))
            .Append((Journeys.End, t[TextId.EditorEnd]))
            .ToList();
        EditorChoice Target(string part, TextId label, string value) =>
            fields.Select($"{at}.{part}", label, targets, value);
        var on = step.Kind == StepForm.Wait ? "waitFor" : "if";
        var parts = step.Kind switch
        {
            StepForm.Email => new StepParts(
                Delay: fields.Field($"{at}.delay", TextId.EditorDelay, step.Delay, TextId.EditorDelayHelp),
                Subject: fields.Field($"{at}.subject", TextId.EditorSubject, step.Subject),
                Html: fields.Field($"{at}.html", TextId.EditorHtml, step.Html),
                Text: fields.Field($"{at}.text", TextId.EditorText, step.Text),
                Translation: t.Format(
                    TextId.EditorTranslation,
                    Texts.Get(TextId.LanguageName, form.TranslationLanguage)
                ),
                TranslationSubject: Translated(
                    fields,
                    form,
                    at,
                    "subject",
                    TextId.EditorSubject,
                    step.TranslationSubject
                ),
                TranslationHtml: Translated(fields, form, at, "html", TextId.EditorHtml, step.TranslationHtml),
                TranslationText: Translated(fields, form, at, "text", TextId.EditorText, step.TranslationText),
                AtTime: fields.Field($"{at}.at.time", TextId.EditorAtTime, step.AtTime, TextId.EditorAtTimeHelp),
                AtDays: fields.Choice($"{at}.at.days", TextId.EditorAtDays, DayOptions(t), step.AtDays),
                Then: Target("next", TextId.EditorNext, step.Then),
                Variants: [.. step.Variants.Select((v, k) => VariantOf(fields, form, i, k, v))],
                CanAddVariant: step.Variants.Count < CampaignStepValidator.MaxVariants
            ),
            StepForm.Wait => new StepParts(
                Events: fields.Choice($"{at}.waitFor.events", TextId.EditorWaitEvents, events, step.Events),
                Stages: fields.Choice($"{at}.waitFor.stages", TextId.EditorWaitStages, stages, step.Stages),
                MinScore: fields.Field($"{at}.waitFor.minScore", TextId.EditorMinScore, step.MinScore),
                Opened: fields.Select($"{at}.waitFor.opened", TextId.EditorOpened, emails, step.Opened),
                Clicked: fields.Select($"{at}.waitFor.clicked", TextId.EditorClicked, emails, step.Clicked),
                AtMost: fields.Field($"{at}.atMost", TextId.EditorAtMost, step.AtMost, TextId.EditorAtMostHelp),
                Then: Target("then", TextId.EditorWaitThen, step.Then),
                Timeout: Target("timeout", TextId.EditorWaitTimeout, step.Timeout),
                On: [.. Branches(step, at, fields, events, targets)]
            ),
            StepForm.Condition => new StepParts(
                Stages: fields.Choice($"{at}.{on}.stages", TextId.EditorAudienceStages, stages, step.Stages),
                MinScore: fields.Field($"{at}.{on}.minScore", TextId.EditorMinScore, step.MinScore),
                Temperatures: fields.Choice(
                    $"{at}.if.temperatures",
                    TextId.EditorTemperatures,
                    Temperatures.Select(x => (x, t.Temperature(Enum.Parse<Temperature>(x, ignoreCase: true)))),
                    step.Temperatures
                ),
                Languages: fields.Choice(
                    $"{at}.if.languages",
                    TextId.EditorLanguages,
                    Texts.Languages.Select(l => (l, Texts.Get(TextId.LanguageName, l))),
                    step.Languages
                ),
                Opened: fields.Select($"{at}.if.opened", TextId.EditorOpened, emails, step.Opened),
                Clicked: fields.Select($"{at}.if.clicked", TextId.EditorClicked, emails, step.Clicked),
                Then: Target("then", TextId.EditorConditionThen, step.Then),
                Else: Target("else", TextId.EditorConditionElse, step.Else)
            ),
            _ => new StepParts(Json: fields.Field($"{at}.json", TextId.EditorJson, step.Json, TextId.EditorJsonHelp)),
        };
        return new StepModel(
            i,
            at,
            step.Kind,
            t[KindLabel(step.Kind)],
            i + 1,
            i > 0,
            i < form.Steps.Count - 1,
            fields.Field($"{at}.id", TextId.EditorStepId, step.Id),
            parts,
            // What the validator says of the step that no field of it shows ("steps[2].waitFor": wait for something).
            fields.UnplacedUnder(at)
        );
    }

    /// <summary>A wait's rows of "on", then an empty one to add a row: each an event (named for the form,
    /// "steps[1].on[0].event") and the step it goes to (placed for the validator's key, "steps[1].on.webinar_missed",
    /// so that its error shows there).</summary>
    private static IEnumerable<BranchRow> Branches(
        StepForm step,
        string at,
        Fields fields,
        IEnumerable<(string, string)> events,
        List<(string, string)> targets
    )
    {
        var rows = step.On.Append(new WaitBranch(string.Empty, string.Empty)).ToList();
        var choices = events.Prepend((string.Empty, "—")).ToList();
        for (var k = 0; k < rows.Count; k++)
        {
            var name = $"{at}.on[{k}]";
            var key = rows[k].Event.Length > 0 ? $"{at}.on.{rows[k].Event}" : $"{name}.target";
            yield return new BranchRow(
                fields.Select($"{name}.event", TextId.EditorWaitOnEvent, choices, rows[k].Event),
                fields.Select(key, TextId.EditorWaitOnTarget, targets, rows[k].Target) with
                {
                    Name = $"{name}.target",
                }
            );
        }
    }

    /// <summary>Variant <paramref name="k"/> of A/B email <paramref name="i"/>, each field placed for the validator's
    /// key ("steps[0].variants[1].subject").</summary>
    private static VariantRow VariantOf(Fields fields, CampaignForm form, int i, int k, VariantForm variant)
    {
        var t = fields.Labels;
        var at = $"steps[{i}].variants[{k}]";
        var name = variant.Id.Length > 0 ? variant.Id : (k + 1).ToString(CultureInfo.InvariantCulture);
        return new VariantRow(
            IdOf(at),
            t.Format(TextId.EditorVariant, name),
            $"remove-variant-{i}-{k}",
            t.Format(TextId.EditorRemoveVariant, name),
            fields.Field($"{at}.id", TextId.EditorVariantId, variant.Id),
            fields.Field($"{at}.weight", TextId.EditorVariantWeight, variant.Weight, TextId.EditorVariantWeightHelp),
            fields.Choice(
                $"{at}.active",
                TextId.EditorVariantActive,
                [("true", t[TextId.EditorVariantActiveOption])],
                variant.Active ? ["true"] : []
            ),
            fields.Field($"{at}.subject", TextId.EditorSubject, variant.Subject),
            fields.Field($"{at}.html", TextId.EditorHtml, variant.Html),
            fields.Field($"{at}.text", TextId.EditorText, variant.Text),
            Translated(fields, form, at, "subject", TextId.EditorSubject, variant.TranslationSubject),
            Translated(fields, form, at, "html", TextId.EditorHtml, variant.TranslationHtml),
            Translated(fields, form, at, "text", TextId.EditorText, variant.TranslationText)
        );
    }

    private static TextId KindLabel(string kind) =>
        kind switch
        {
            StepForm.Wait => TextId.ResultsWait,
            StepForm.Condition => TextId.ResultsCondition,
            StepForm.Advanced => TextId.EditorAdvanced,
            _ => TextId.ResultsEmail,
        };

    /// <summary>A translation field: named for the form ("steps[0].translation.subject"), placed for the validator's
    /// key ("steps[0].translations.en.subject").</summary>
    private static EditorField Translated(
        Fields fields,
        CampaignForm form,
        string at,
        string part,
        TextId label,
        string value
    ) =>
        fields.Field($"{at}.translations.{form.TranslationLanguage}.{part}", label, value) with
        {
            Name = $"{at}.translation.{part}",
        };

    /// <summary>The fields of one rendering of the editor, each with its error, and which error keys have a
    /// field.</summary>
    private sealed class Fields(LeadLabels labels, IReadOnlyDictionary<string, string[]> errors)
    {
        private readonly HashSet<string> placed = new(StringComparer.Ordinal);

        public LeadLabels Labels => labels;

        public IReadOnlySet<string> Placed => placed;

        public EditorField Field(string name, TextId label, string value, TextId? help = null)
        {
            placed.Add(name);
            return new(name, IdOf(name), labels[label], value, ErrorOf(name), help is { } h ? labels[h] : string.Empty);
        }

        public EditorChoice Choice(
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
                labels[legend],
                [
                    .. options.Select(o => new EditorOption(
                        o.Value,
                        o.Label,
                        on.Contains(o.Value),
                        IdOf($"{name}-{o.Value}")
                    )),
                ],
                ErrorOf(name)
            );
        }

        public EditorChoice Select(
            string name,
            TextId label,
            IEnumerable<(string Value, string Label)> options,
            string value
        ) => Choice(name, label, options, [value]);

        public string UnplacedUnder(string prefix) =>
            string.Join(
                " ",
                errors
                    .Where(e =>
                        (e.Key == prefix || e.Key.StartsWith(prefix + ".", StringComparison.Ordinal))
                        && !placed.Contains(e.Key)
                    )
                    .SelectMany(e => e.Value)
            );

        public string ErrorOf(string name) =>
            errors.TryGetValue(name, out var messages) ? string.Join(" ", messages) : string.Empty;
    }

    /// <summary>What a step of each kind shows; the parts of other kinds are null.</summary>
    private sealed record StepParts(
        EditorField? Delay = null,
        EditorField? Subject = null,
        EditorField? Html = null,
        EditorField? Text = null,
        string Translation = "",
        EditorField? TranslationSubject = null,
        EditorField? TranslationHtml = null,
        EditorField? TranslationText = null,
        EditorChoice? Events = null,
        EditorChoice? Stages = null,
        EditorField? MinScore = null,
        EditorChoice? Temperatures = null,
        EditorChoice? Languages = null,
        EditorChoice? Opened = null,
        EditorChoice? Clicked = null,
        EditorField? AtMost = null,
        EditorChoice? Then = null,
        EditorChoice? Else = null,
        EditorChoice? Timeout = null,
        IReadOnlyList<BranchRow>? On = null,
        EditorField? Json = null,
        EditorField? AtTime = null,
        EditorChoice? AtDays = null,
        IReadOnlyList<VariantRow>? Variants = null,
        bool CanAddVariant = false
    );

    /// <summary>One variant of an A/B email: its fieldset, the button that removes it, and its fields.</summary>
    private sealed record VariantRow(
        string Id,
        string Legend,
        string RemoveOp,
        string RemoveLabel,
        EditorField VariantId,
        EditorField Weight,
        EditorChoice Active,
        EditorField Subject,
        EditorField Html,
        EditorField Text,
        EditorField TranslationSubject,
        EditorField TranslationHtml,
        EditorField TranslationText
    );

    /// <summary>One row of a wait's "on": the event and where it goes.</summary>
    private sealed record BranchRow(EditorChoice Event, EditorChoice Target);
}
