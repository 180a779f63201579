using System.Text.Json;
using System.Xml;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>The editor's form turned into what the API's PUT takes.</summary>
public sealed partial record CampaignForm
{
    /// <summary>
    /// The definition to save, or the errors of what the form itself could not read (a delay no one can parse, a
    /// number that is none, a step's JSON); every other rule is the validator's.
    /// </summary>
    public (CampaignDefinition? Definition, IReadOnlyDictionary<string, string[]> Errors) ToDefinition(
        string pageLanguage
    )
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        int? Number(string field, string value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (int.TryParse(value.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            errors[field] = [Texts.Get(TextId.EditorNumberRule, pageLanguage)];
            return null;
        }

        string? Duration(string field, string value)
        {
            if (SpokenDuration.Parse(value) is { } duration)
            {
                return XmlConvert.ToString(duration);
            }

            errors[field] = [Texts.Get(TextId.EditorDelayRule, pageLanguage)];
            return null;
        }

        var steps = Steps
            .Select((step, i) => StepDefinitionOf(step, $"steps[{i}]", errors, Duration, Number, pageLanguage))
            .ToList();
        var definition = new CampaignDefinition
        {
            Name = Name,
            Active = Active,
            Priority = Number("priority", Priority),
            Language = Language,
            Trigger = new TriggerDefinition([.. TriggerStages], [.. TriggerEvents], Split(TriggerSources)),
            Audience = new AudienceDefinition(
                [.. AudienceStages],
                Split(AudienceSources),
                Number("audience.minScore", AudienceMinScore),
                AudienceTemperatures.Count == 0 ? null : [.. AudienceTemperatures]
            ),
            Steps = steps,
            StopWhen = new StopDefinition([.. StopStages], [.. StopEvents]),
            Reenter = string.IsNullOrWhiteSpace(ReenterAfter)
                ? null
                : new ReenterDefinition(Duration("reenter.after", ReenterAfter)),
            SendWindow =
                WindowFrom.Length == 0 && WindowTo.Length == 0 && WindowDays.Count == 0
                    ? null
                    : new SendWindowDefinition(WindowFrom, WindowTo, [.. WindowDays]),
        };
        return errors.Count == 0 ? (definition, errors) : (null, errors);
    }

    private StepDefinition? StepDefinitionOf(
        StepForm step,
        string field,
        Dictionary<string, string[]> errors,
        Func<string, string, string?> duration,
        Func<string, string, int?> number,
        string pageLanguage
    )
    {
        string? Given(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        IReadOnlyList<string?>? Listed(IReadOnlyList<string> values) => values.Count == 0 ? null : [.. values];
        switch (step.Kind)
        {
            case StepForm.Wait:
                return new StepDefinition(step.Id, null, null, null, null)
                {
                    WaitFor = new WaitDefinition(
                        Listed(step.Events),
                        Listed(step.Stages),
                        number($"{field}.waitFor.minScore", step.MinScore),
                        Given(step.Opened),
                        Given(step.Clicked)
                    ),
                    AtMost = duration($"{field}.atMost", step.AtMost),
                    Then = Given(step.Then),
                    Timeout = Given(step.Timeout),
                    On =
                        step.On.Count == 0
                            ? null
                            : step
                                .On.DistinctBy(o => o.Event, StringComparer.Ordinal)
                                .ToDictionary(o => o.Event, o => Given(o.Target), StringComparer.Ordinal),
                };
            case StepForm.Condition:
                return new StepDefinition(step.Id, null, null, null, null)
                {
                    If = new ConditionDefinition
                    {
                        Stages = Listed(step.Stages),
                        MinScore = number($"{field}.if.minScore", step.MinScore),
                        Temperatures = Listed(step.Temperatures),
                        Languages = Listed(step.Languages),
                        Opened = Given(step.Opened),
                        Clicked = Given(step.Clicked),
                    },
                    Then = Given(step.Then),
                    Else = Given(step.Else),
                };
        }

        if (step.Kind == StepForm.Advanced)
        {
            try
            {
                return JsonSerializer.Deserialize<StepDefinition>(step.Json, ReadOptions);
            }
            catch (JsonException e)
            {
                errors[$"{field}.json"] = [Texts.Format(TextId.EditorJsonRule, pageLanguage, e.Message)];
                return null;
            }
        }

        var email = new StepDefinition(step.Id, duration($"{field}.delay", step.Delay), null, null, null)
        {
            At =
                step.AtTime.Length == 0 && step.AtDays.Count == 0
                    ? null
                    : new AtDefinition(Given(step.AtTime), Listed(step.AtDays), null, null),
            Next = Given(step.Then),
        };
        if (step.Variants.Count > 0)
        {
            return email with
            {
                Variants =
                [
                    .. step.Variants.Select(
                        (v, k) =>
                            new VariantDefinition(
                                v.Id,
                                number($"{field}.variants[{k}].weight", v.Weight),
                                v.Active,
                                v.Subject,
                                v.Html,
                                v.Text
                            )
                            {
                                Translations = Translation(v.TranslationSubject, v.TranslationHtml, v.TranslationText),
                            }
                    ),
                ],
            };
        }

        return email with
        {
            Subject = step.Subject,
            Html = step.Html,
            Text = step.Text,
            Translations = Translation(step.TranslationSubject, step.TranslationHtml, step.TranslationText),
        };
    }

    /// <summary>The translation into the campaign's other language, when any of its fields is filled.</summary>
    private Dictionary<string, ContentDefinition?>? Translation(string subject, string html, string text) =>
        subject.Length > 0 || html.Length > 0 || text.Length > 0
            ? new(StringComparer.Ordinal) { [TranslationLanguage] = new(subject, html, text) }
            : null;

    /// <summary>As the API reads a campaign: a misspelt field is refused, not ignored.</summary>
    private static readonly JsonSerializerOptions ReadOptions = new(JsonDefaults.Options)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private static IReadOnlyList<string?> Split(string text) =>
        [.. text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
