using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// The campaign editor's form: a campaign as its fields hold it, read from a posted form (<see cref="Read"/>) or from a
/// stored campaign (<see cref="Of"/>), changed by the editor's buttons (<see cref="Apply"/>), and turned into the same
/// <see cref="CampaignDefinition"/> the API's PUT takes (<see cref="ToDefinition"/>, in CampaignForm.Definition.cs),
/// so that the one validator judges both. Field names are the validator's error keys ("name", "steps[1].delay",
/// "sendWindow.to" …), so an error lands next to its field.
/// </summary>
public sealed partial record CampaignForm
{
    /// <summary>More steps than this are not read from a form (the validator has its own, lower, limit).</summary>
    public const int MaxSteps = 100;

    public string Id { get; init; } = string.Empty;

    public bool IsNew { get; init; }

    public bool Active { get; init; }

    public string Name { get; init; } = string.Empty;

    public string Language { get; init; } = Leads.Languages.Turkish;

    public string Priority { get; init; } = "0";

    public IReadOnlyList<string> TriggerStages { get; init; } = [];

    public IReadOnlyList<string> TriggerEvents { get; init; } = [];

    public string TriggerSources { get; init; } = string.Empty;

    public IReadOnlyList<string> AudienceStages { get; init; } = [];

    public IReadOnlyList<string> AudienceTemperatures { get; init; } = [];

    public string AudienceSources { get; init; } = string.Empty;

    public string AudienceMinScore { get; init; } = string.Empty;

    public IReadOnlyList<string> StopStages { get; init; } = [];

    public IReadOnlyList<string> StopEvents { get; init; } = [];

    public string WindowFrom { get; init; } = string.Empty;

    public string WindowTo { get; init; } = string.Empty;

    public IReadOnlyList<string> WindowDays { get; init; } = [];

    public string ReenterAfter { get; init; } = string.Empty;

    public IReadOnlyList<StepForm> Steps { get; init; } = [];

    /// <summary>The language the translation fields are in: the campaign's other one.</summary>
    public string TranslationLanguage =>
        Language == Leads.Languages.English ? Leads.Languages.Turkish : Leads.Languages.English;

    /// <summary>A new campaign: one email at once, nothing else chosen.</summary>
    public static CampaignForm New() => new() { IsNew = true, Steps = [new StepForm(StepForm.Email, "welcome", "0")] };

    public static CampaignForm Of(Campaign campaign, string pageLanguage)
    {
        var written = CampaignDefinition.From(campaign);
        var other = campaign.Language == Leads.Languages.English ? Leads.Languages.Turkish : Leads.Languages.English;
        return new()
        {
            Id = campaign.Id,
            Active = campaign.Active,
            Name = campaign.Name,
            Language = campaign.Language,
            Priority = campaign.Priority.ToString(CultureInfo.InvariantCulture),
            TriggerStages = Listed(written.Trigger?.StageEntered),
            TriggerEvents = Listed(written.Trigger?.Events),
            TriggerSources = string.Join(", ", Listed(written.Trigger?.Sources)),
            AudienceStages = Listed(written.Audience?.Stages),
            AudienceTemperatures = Listed(written.Audience?.Temperatures),
            AudienceSources = string.Join(", ", Listed(written.Audience?.Sources)),
            AudienceMinScore = written.Audience?.MinScore?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            StopStages = Listed(written.StopWhen?.Stages),
            StopEvents = Listed(written.StopWhen?.Events),
            WindowFrom = written.SendWindow?.From ?? string.Empty,
            WindowTo = written.SendWindow?.To ?? string.Empty,
            WindowDays = Listed(written.SendWindow?.Days),
            ReenterAfter = campaign.Reenter is { } reenter
                ? SpokenDuration.Write(reenter.After, pageLanguage)
                : string.Empty,
            Steps = [.. campaign.Steps.Select((step, i) => StepOf(written.Steps![i]!, step, other, pageLanguage))],
        };
    }

    /// <summary>The form as posted: every field by its name, each with its values.</summary>
    public static CampaignForm Read(IReadOnlyDictionary<string, IReadOnlyList<string>> fields)
    {
        string One(string name) => fields.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : string.Empty;
        IReadOnlyList<string> Many(string name) =>
            fields.TryGetValue(name, out var v) ? [.. v.Where(x => !string.IsNullOrWhiteSpace(x))] : [];

        var steps = new List<StepForm>();
        for (var i = 0; i < MaxSteps && fields.ContainsKey($"steps[{i}].kind"); i++)
        {
            string Step(string part) => One($"steps[{i}].{part}");
            IReadOnlyList<string> Steps(string part) => Many($"steps[{i}].{part}");
            var kind = StepForm.Kinds.Contains(Step("kind")) ? Step("kind") : StepForm.Email;
            var on = kind == StepForm.Wait ? "waitFor" : "if";
            steps.Add(
                new StepForm(
                    kind,
                    Step("id").Trim(),
                    Step("delay"),
                    Step("subject"),
                    Step("html"),
                    Step("text"),
                    Step("translation.subject"),
                    Step("translation.html"),
                    Step("translation.text"),
                    Step("json")
                )
                {
                    Events = Steps("waitFor.events"),
                    Stages = Steps($"{on}.stages"),
                    MinScore = Step($"{on}.minScore"),
                    Opened = Step($"{on}.opened"),
                    Clicked = Step($"{on}.clicked"),
                    Temperatures = Steps("if.temperatures"),
                    Languages = Steps("if.languages"),
                    AtMost = Step("atMost"),
                    AtTime = Step("at.time"),
                    AtDays = Steps("at.days"),
                    Then = Step(kind == StepForm.Email ? "next" : "then"),
                    Else = Step("else"),
                    Timeout = Step("timeout"),
                    On = kind == StepForm.Wait ? Branches(i, One) : [],
                    Variants = kind == StepForm.Email ? VariantRows(i, fields.ContainsKey, One) : [],
                }
            );
        }

        return new()
        {
            Id = One("id").Trim(),
            IsNew = One("isNew") == "true",
            Active = One("active") == "true",
            Name = One("name"),
            Language = One("language"),
            Priority = One("priority"),
            TriggerStages = Many("trigger.stageEntered"),
            TriggerEvents = Many("trigger.events"),
            TriggerSources = One("trigger.sources"),
            AudienceStages = Many("audience.stages"),
            AudienceTemperatures = Many("audience.temperatures"),
            AudienceSources = One("audience.sources"),
            AudienceMinScore = One("audience.minScore"),
            StopStages = Many("stopWhen.stages"),
            StopEvents = Many("stopWhen.events"),
            WindowFrom = One("sendWindow.from"),
            WindowTo = One("sendWindow.to"),
            WindowDays = Many("sendWindow.days"),
            ReenterAfter = One("reenter.after"),
            Steps = steps,
        };
    }

    /// <summary>
    /// What an editor button does to the form, nothing saved: "add-email", "add-wait", "add-condition",
    /// "add-advanced" (a step as JSON), "up-{i}", "down-{i}", "remove-{i}", "add-variant-{i}" (an A/B variant of
    /// email i), "remove-variant-{i}-{k}"; anything else leaves it as it is.
    /// </summary>
    public CampaignForm Apply(string? operation)
    {
        var steps = Steps.ToList();
        var match = Operation().Match(operation ?? string.Empty);
        var verb = match.Success ? match.Groups["verb"].Value : operation;
        var at = match.Groups["i"].Success ? int.Parse(match.Groups["i"].Value, CultureInfo.InvariantCulture) : -1;
        var k = match.Groups["k"].Success ? int.Parse(match.Groups["k"].Value, CultureInfo.InvariantCulture) : -1;
        switch (verb)
        {
            case "add-email" when steps.Count < MaxSteps:
                steps.Add(new StepForm(StepForm.Email, NewId(steps, "email"), "2 days"));
                break;
            case "add-wait" when steps.Count < MaxSteps:
                steps.Add(StepForm.NewWait(NewId(steps, "wait"), LastEmail(steps)));
                break;
            case "add-condition" when steps.Count < MaxSteps:
                steps.Add(StepForm.NewCondition(NewId(steps, "condition"), LastEmail(steps)));
                break;
            case "add-advanced" when steps.Count < MaxSteps:
                steps.Add(StepForm.NewAdvanced(NewId(steps, "step")));
                break;
            case "up" when at > 0 && at < steps.Count:
                (steps[at - 1], steps[at]) = (steps[at], steps[at - 1]);
                break;
            case "down" when at >= 0 && at < steps.Count - 1:
                (steps[at + 1], steps[at]) = (steps[at], steps[at + 1]);
                break;
            case "remove" when at >= 0 && at < steps.Count:
                steps.RemoveAt(at);
                break;
            case "add-variant" when at >= 0 && at < steps.Count:
                steps[at] = steps[at].WithVariantAdded();
                break;
            case "remove-variant" when at >= 0 && at < steps.Count:
                steps[at] = steps[at].WithoutVariant(k);
                break;
        }

        return this with
        {
            Steps = steps,
        };
    }

    [GeneratedRegex(@"^(?<verb>[a-z]+(?:-[a-z]+)*)(?:-(?<i>\d{1,3}))?(?:-(?<k>\d{1,3}))?$")]
    private static partial Regex Operation();

    /// <summary>An A/B email's variants as posted ("steps[0].variants[1].subject" …): a variant is there when its id
    /// field is; its "active" box is posted only when ticked.</summary>
    private static List<VariantForm> VariantRows(int step, Func<string, bool> posted, Func<string, string> one)
    {
        var variants = new List<VariantForm>();
        for (var k = 0; k < CampaignStepValidator.MaxVariants && posted($"steps[{step}].variants[{k}].id"); k++)
        {
            string Part(string part) => one($"steps[{step}].variants[{k}].{part}");
            variants.Add(
                new VariantForm(
                    Part("id").Trim(),
                    Part("subject"),
                    Part("html"),
                    Part("text"),
                    Part("translation.subject"),
                    Part("translation.html"),
                    Part("translation.text")
                )
                {
                    Weight = Part("weight"),
                    Active = Part("active") == "true",
                }
            );
        }

        return variants;
    }

    /// <summary>A wait's rows of "on" as posted ("steps[1].on[0].event", "….target"); rows without an event are
    /// left out.</summary>
    private static List<WaitBranch> Branches(int step, Func<string, string> one)
    {
        var rows = new List<WaitBranch>();
        for (var k = 0; k < EventTypes.All.Count + 1; k++)
        {
            var (type, target) = (one($"steps[{step}].on[{k}].event"), one($"steps[{step}].on[{k}].target"));
            if (type.Length > 0)
            {
                rows.Add(new WaitBranch(type, target));
            }
        }

        return rows;
    }

    private static StepForm StepOf(StepDefinition written, CampaignStep step, string other, string pageLanguage)
    {
        if (step.Wait is { } wait)
        {
            return new StepForm(StepForm.Wait, step.Id)
            {
                Events = wait.Until.Events,
                Stages = [.. wait.Until.Stages.Select(s => s.ToApiName())],
                MinScore = Number(wait.Until.MinScore),
                Opened = wait.Until.Opened ?? string.Empty,
                Clicked = wait.Until.Clicked ?? string.Empty,
                AtMost = SpokenDuration.Write(wait.AtMost, pageLanguage),
                Then = wait.Then ?? string.Empty,
                Timeout = wait.Timeout ?? string.Empty,
                On = [.. wait.On.Select(o => new WaitBranch(o.Key, o.Value))],
            };
        }

        // A condition on countries, industries or recipient types has no fields here: it stays JSON.
        if (step.Condition is { If: { Countries: [], Industries: [], RecipientTypes: [] } when } condition)
        {
            return new StepForm(StepForm.Condition, step.Id)
            {
                Stages = [.. when.Stages.Select(s => s.ToApiName())],
                MinScore = Number(when.MinScore),
                Temperatures = [.. when.Temperatures.Select(t => t.ToApiName())],
                Languages = when.Languages,
                Opened = when.Opened ?? string.Empty,
                Clicked = when.Clicked ?? string.Empty,
                Then = condition.Then ?? string.Empty,
                Else = condition.Else ?? string.Empty,
            };
        }

        // A date of the enrollment, or a language the fields do not hold, has no fields here: it stays JSON.
        bool OtherLanguages(IReadOnlyDictionary<string, ContentDefinition?>? translations) =>
            translations?.Keys.Any(k => k != other) == true;
        var advanced =
            written.WaitFor is not null
            || written.If is not null
            || written.At?.RelativeTo is not null
            || OtherLanguages(written.Translations)
            || written.Variants?.Any(v => OtherLanguages(v?.Translations)) == true;
        if (advanced)
        {
            return new StepForm(StepForm.Advanced, step.Id, Json: JsonSerializer.Serialize(written, WriteOptions));
        }

        return new StepForm(StepForm.Email, step.Id, SpokenDuration.Write(step.Delay, pageLanguage)).WithContentOf(
            ContentOf(step.Id, written.Subject, written.Html, written.Text, written.Translations, other)
        ) with
        {
            AtTime = written.At?.Time ?? string.Empty,
            AtDays = Listed(written.At?.Days),
            Then = written.Next ?? string.Empty,
            Variants = [.. (written.Variants ?? []).OfType<VariantDefinition>().Select(v => VariantOf(v, other))],
        };
    }

    private static VariantForm VariantOf(VariantDefinition variant, string other) =>
        ContentOf(
            variant.Id ?? string.Empty,
            variant.Subject,
            variant.Html,
            variant.Text,
            variant.Translations,
            other
        ) with
        {
            Weight = Number(variant.Weight),
            Active = variant.Active ?? true,
        };

    /// <summary>An email's content as the form holds it: its own, and its translation into <paramref name="other"/>
    /// (the campaign's other language).</summary>
    private static VariantForm ContentOf(
        string id,
        string? subject,
        string? html,
        string? text,
        IReadOnlyDictionary<string, ContentDefinition?>? translations,
        string other
    )
    {
        var translation = translations?.GetValueOrDefault(other);
        return new VariantForm(
            id,
            subject ?? string.Empty,
            html ?? string.Empty,
            text ?? string.Empty,
            translation?.Subject ?? string.Empty,
            translation?.Html ?? string.Empty,
            translation?.Text ?? string.Empty
        );
    }

    private static readonly JsonSerializerOptions WriteOptions = new(JsonDefaults.Options)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string LastEmail(List<StepForm> steps) => steps.LastOrDefault(s => s.IsEmail)?.Id ?? string.Empty;

    private static string NewId(List<StepForm> steps, string stem)
    {
        var n = steps.Count + 1;
        while (steps.Any(s => s.Id == $"{stem}-{n}"))
        {
            n++;
        }

        return $"{stem}-{n}";
    }

    private static IReadOnlyList<string> Listed(IReadOnlyList<string?>? values) => [.. (values ?? []).OfType<string>()];
}
