using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Campaigns;

/// <summary>The steps of a written campaign: ids unique and stable (enrollments remember steps by id), delays, each
/// template, and a journey's waits, conditions and flow (<see cref="JourneyStepValidator"/>).</summary>
internal static class CampaignStepValidator
{
    public const int MaxVariants = 5;
    public const int MaxWeight = 1000;

    public static List<CampaignStep> Steps(
        FieldErrors errors,
        IReadOnlyList<StepDefinition?>? written,
        string campaignLanguage
    )
    {
        if (written is not { Count: >= 1 and <= CampaignValidator.MaxSteps })
        {
            errors.Add("steps", $"From 1 to {CampaignValidator.MaxSteps} steps.");
            return [];
        }

        var steps = new List<CampaignStep>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < written.Count; i++)
        {
            var field = $"steps[{i}]";
            if (written[i] is not { } step)
            {
                errors.Add(field, "A step, not null.");
                continue;
            }

            CampaignValidator.CheckId(errors, $"{field}.id", step.Id);
            if (step.Id is not null && !ids.Add(step.Id))
            {
                errors.Add($"{field}.id", $"'{step.Id}' is already the id of an earlier step.");
            }

            steps.Add(
                step switch
                {
                    { WaitFor: not null } => JourneyStepValidator.Wait(errors, field, step),
                    { If: not null } => JourneyStepValidator.Condition(errors, field, step),
                    _ => Email(errors, field, step, campaignLanguage),
                }
            );
        }

        // Field names follow the written steps' places: a null step leaves the flow to be checked once it is fixed.
        if (steps.Count == written.Count)
        {
            JourneyStepValidator.Flow(errors, steps);
        }
        return steps;
    }

    private static CampaignStep Email(FieldErrors errors, string field, StepDefinition step, string campaignLanguage)
    {
        JourneyStepValidator.Refuse(errors, field, "an email", ("atMost", step.AtMost), ("then", step.Then));
        JourneyStepValidator.Refuse(errors, field, "an email", ("else", step.Else), ("timeout", step.Timeout));
        JourneyStepValidator.Refuse(errors, field, "an email", ("on", step.On));
        var at = step.At is { } written ? StepAtValidator.At(errors, $"{field}.at", written) : null;
        var email = new CampaignStep
        {
            Id = step.Id ?? "",
            At = at,
            Delay = StepAtValidator.Delay(errors, field, step.Delay, at),
            Next = step.Next,
        };
        if (step.Variants is { } variants)
        {
            var kind = "an email written as variants (each variant has its own)";
            JourneyStepValidator.Refuse(errors, field, kind, ("subject", step.Subject), ("html", step.Html));
            JourneyStepValidator.Refuse(errors, field, kind, ("text", step.Text), ("translations", step.Translations));
            return email with { Variants = Variants(errors, $"{field}.variants", variants, campaignLanguage) };
        }

        return email with
        {
            Content = Content(errors, field, new ContentDefinition(step.Subject, step.Html, step.Text)),
            Translations = Translations(errors, $"{field}.translations", step.Translations, campaignLanguage),
        };
    }

    private static List<StepVariant> Variants(
        FieldErrors errors,
        string field,
        IReadOnlyList<VariantDefinition?> written,
        string campaignLanguage
    )
    {
        if (written.Count is < 2 or > MaxVariants)
        {
            errors.Add(field, $"From 2 to {MaxVariants} variants.");
        }

        var variants = new List<StepVariant>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < written.Count; i++)
        {
            var at = $"{field}[{i}]";
            if (written[i] is not { } variant)
            {
                errors.Add(at, "A variant, not null.");
                continue;
            }

            CampaignValidator.CheckId(errors, $"{at}.id", variant.Id);
            if (variant.Id is not null && !ids.Add(variant.Id))
            {
                errors.Add($"{at}.id", $"'{variant.Id}' is already the id of an earlier variant.");
            }

            if (variant.Weight is < 1 or > MaxWeight)
            {
                errors.Add($"{at}.weight", $"From 1 to {MaxWeight} (1 when left out).");
            }

            variants.Add(
                new StepVariant(
                    variant.Id ?? "",
                    variant.Weight ?? 1,
                    variant.Active ?? true,
                    Content(errors, at, new ContentDefinition(variant.Subject, variant.Html, variant.Text)),
                    Translations(errors, $"{at}.translations", variant.Translations, campaignLanguage)
                )
            );
        }

        if (variants.Count > 0 && !variants.Any(v => v.Active))
        {
            errors.Add(field, "At least one variant switched on (active).");
        }

        return variants;
    }

    private static Dictionary<string, StepContent> Translations(
        FieldErrors errors,
        string field,
        IReadOnlyDictionary<string, ContentDefinition?>? written,
        string campaignLanguage
    )
    {
        var translations = new Dictionary<string, StepContent>(StringComparer.Ordinal);
        foreach (var (language, content) in written ?? new Dictionary<string, ContentDefinition?>())
        {
            if (!Languages.IsSupported(language) || language == campaignLanguage)
            {
                errors.Add(
                    field,
                    $"'{language}' is not a translation: use "
                        + $"{string.Join(" or ", Languages.Supported.Where(l => l != campaignLanguage))} (the "
                        + $"campaign's own texts are {campaignLanguage})."
                );
                continue;
            }

            if (content is null)
            {
                errors.Add($"{field}.{language}", "A subject, html and text, not null.");
                continue;
            }

            translations[language] = Content(errors, $"{field}.{language}", content);
        }

        return translations;
    }

    private static StepContent Content(FieldErrors errors, string field, ContentDefinition written) =>
        new(
            Template(errors, $"{field}.subject", written.Subject, CampaignValidator.MaxSubjectLength, oneLine: true),
            Template(errors, $"{field}.html", written.Html, CampaignValidator.MaxHtmlLength, oneLine: false),
            Template(errors, $"{field}.text", written.Text, CampaignValidator.MaxTextLength, oneLine: false)
        );

    private static string Template(FieldErrors errors, string field, string? template, int maxLength, bool oneLine)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            errors.Add(field, "Required.");
            return "";
        }

        if (template.Length > maxLength)
        {
            errors.Add(field, $"Must be at most {maxLength} characters.");
            return template;
        }

        // A line break in a subject would become a header break in the email.
        if (oneLine && template.AsSpan().ContainsAny('\r', '\n'))
        {
            errors.Add(field, "Must be one line.");
        }

        foreach (var problem in TemplateCheck.Problems(template))
        {
            errors.Add(field, problem);
        }

        return template;
    }
}
