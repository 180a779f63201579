using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// A journey's steps as written: waits and conditions field by field, then the flow as a whole: every target a step or
/// "end", every step reachable from the first, and no loop that could go round without a delay.
/// </summary>
internal static class JourneyStepValidator
{
    private const int MaxValueLength = 100;

    public static CampaignStep Wait(FieldErrors errors, string field, StepDefinition step)
    {
        RefuseEmailParts(errors, field, "a wait", step);
        Refuse(errors, field, "a wait", ("if", step.If), ("else", step.Else), ("next", step.Next));
        var written = step.WaitFor!;
        var until = new WaitUntil
        {
            Events = CampaignValidator.Events(errors, $"{field}.waitFor.events", written.Events),
            Stages = CampaignValidator.Stages(errors, $"{field}.waitFor.stages", written.Stages),
            MinScore = written.MinScore,
            Opened = written.Opened,
            Clicked = written.Clicked,
        };
        if (written is { Events: null or [], Stages: null or [], MinScore: null, Opened: null, Clicked: null })
        {
            errors.Add($"{field}.waitFor", "At least one of events, stages, minScore, opened or clicked.");
        }

        var atMost = CampaignValidator.Lasting(
            errors,
            $"{field}.atMost",
            step.AtMost,
            "a wait of no time waits for nothing"
        );

        return new CampaignStep
        {
            Id = step.Id ?? "",
            Wait = new StepWait(until, atMost, step.Then, step.Timeout) { On = On(errors, field, step.On, until) },
        };
    }

    /// <summary>A wait's own branches per event: each an event it waits for, with a target (checked with the
    /// flow).</summary>
    private static Dictionary<string, string> On(
        FieldErrors errors,
        string field,
        IReadOnlyDictionary<string, string?>? written,
        WaitUntil until
    )
    {
        var on = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (type, target) in written ?? new Dictionary<string, string?>())
        {
            if (!until.Events.Contains(type, StringComparer.Ordinal))
            {
                errors.Add(
                    $"{field}.on.{type}",
                    $"'{type}' is not one of the events the wait waits for (waitFor.events)."
                );
            }
            else if (string.IsNullOrWhiteSpace(target))
            {
                errors.Add($"{field}.on.{type}", $"Where '{type}' goes: a step id, or '{Journeys.End}'.");
            }
            else
            {
                on[type] = target;
            }
        }

        return on;
    }

    public static CampaignStep Condition(FieldErrors errors, string field, StepDefinition step)
    {
        RefuseEmailParts(errors, field, "a condition", step);
        Refuse(errors, field, "a condition", ("atMost", step.AtMost), ("timeout", step.Timeout), ("next", step.Next));
        Refuse(errors, field, "a condition", ("on", step.On));
        var written = step.If!;
        var condition = new PersonCondition
        {
            Stages = CampaignValidator.Stages(errors, $"{field}.if.stages", written.Stages),
            MinScore = written.MinScore,
            Temperatures = CampaignValidator.Temperatures(errors, $"{field}.if.temperatures", written.Temperatures),
            Countries = Values(errors, $"{field}.if.countries", written.Countries),
            Industries = Values(errors, $"{field}.if.industries", written.Industries),
            RecipientTypes = RecipientTypeList(errors, $"{field}.if.recipientTypes", written.RecipientTypes),
            Languages = LanguageList(errors, $"{field}.if.languages", written.Languages),
            Opened = written.Opened,
            Clicked = written.Clicked,
        };
        if (
            written is
            {
                Stages: null or [],
                MinScore: null,
                Temperatures: null or [],
                Countries: null or [],
                Industries: null or [],
                RecipientTypes: null or [],
                Languages: null or [],
                Opened: null,
                Clicked: null,
            }
        )
        {
            errors.Add(
                $"{field}.if",
                "At least one of stages, minScore, temperatures, countries, industries, "
                    + "recipientTypes, languages, opened or clicked."
            );
        }

        return new CampaignStep { Id = step.Id ?? "", Condition = new StepCondition(condition, step.Then, step.Else) };
    }

    /// <summary>Each name given to a field that the step's kind does not have.</summary>
    public static void Refuse(
        FieldErrors errors,
        string field,
        string kind,
        params (string Name, object? Value)[] parts
    )
    {
        foreach (var (name, _) in parts.Where(p => p.Value is not null))
        {
            errors.Add($"{field}.{name}", $"Not a field of {kind}.");
        }
    }

    /// <summary>The flow of a journey (a straight-line campaign has none to check).</summary>
    public static void Flow(FieldErrors errors, IReadOnlyList<CampaignStep> steps)
    {
        if (!Journeys.IsJourney(steps))
        {
            return;
        }

        var ids = steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var emails = steps.Where(s => s.IsEmail).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var sound = true;
        void Add(string field, string message)
        {
            sound = false;
            errors.Add(field, message);
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Id == Journeys.End)
            {
                Add($"steps[{i}].id", $"'{Journeys.End}' ends a journey: name the step otherwise.");
            }

            foreach (var (name, target) in Targets(step).Where(t => t.Target is not null))
            {
                if (target != Journeys.End && !ids.Contains(target!))
                {
                    Add($"steps[{i}].{name}", $"'{target}' is not a step of the campaign (nor '{Journeys.End}').");
                }
            }

            foreach (var (name, email) in Engagements(step).Where(e => e.Step is not null && !emails.Contains(e.Step)))
            {
                Add($"steps[{i}].{name}", $"'{email}' is not an email step of the campaign.");
            }
        }

        if (sound)
        {
            Unreachable(errors, steps);
            InstantLoop(errors, steps);
        }
    }

    private static void Unreachable(FieldErrors errors, IReadOnlyList<CampaignStep> steps)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { steps[0].Id };
        var ahead = new Queue<CampaignStep>([steps[0]]);
        while (ahead.TryDequeue(out var step))
        {
            foreach (var next in Journeys.Successors(steps, step).Where(reached.Add))
            {
                if (steps.FirstOrDefault(s => s.Id == next) is { } found)
                {
                    ahead.Enqueue(found);
                }
            }
        }

        for (var i = 0; i < steps.Count; i++)
        {
            if (!reached.Contains(steps[i].Id))
            {
                errors.Add($"steps[{i}]", "No step leads here: nobody would ever reach it.");
            }
        }
    }

    /// <summary>A loop through conditions and emails without a delay only (a wait always takes time) would go round
    /// at once.</summary>
    private static void InstantLoop(FieldErrors errors, IReadOnlyList<CampaignStep> steps)
    {
        static bool Instant(CampaignStep step) => step is { Wait: null, At: null } && step.Delay == TimeSpan.Zero;
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path; true: done
        var path = new List<string>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (Instant(steps[i]) && Visit(steps[i]) is { } loop)
            {
                var at = steps.ToList().FindIndex(s => s.Id == loop[0]);
                errors.Add(
                    $"steps[{at}]",
                    $"A loop with no delay ('{string.Join("' → '", loop)}'): give one of its "
                        + "emails a delay or put a wait in it."
                );
                return;
            }
        }

        List<string>? Visit(CampaignStep step)
        {
            if (state.TryGetValue(step.Id, out var done))
            {
                return done ? null : [.. path.SkipWhile(id => id != step.Id), step.Id];
            }

            (state[step.Id], path) = (false, [.. path, step.Id]);
            foreach (var next in Journeys.Successors(steps, step))
            {
                if (steps.FirstOrDefault(s => s.Id == next) is { } found && Instant(found) && Visit(found) is { } loop)
                {
                    return loop;
                }
            }

            (state[step.Id], path) = (true, path[..^1]);
            return null;
        }
    }

    private static IEnumerable<(string Name, string? Target)> Targets(CampaignStep step) =>
        [
            ("next", step.Next),
            ("then", step.Wait?.Then ?? step.Condition?.Then),
            ("timeout", step.Wait?.Timeout),
            ("else", step.Condition?.Else),
            .. (step.Wait?.On ?? new Dictionary<string, string>()).Select(o => ($"on.{o.Key}", (string?)o.Value)),
        ];

    private static IEnumerable<(string Name, string? Step)> Engagements(CampaignStep step) =>
        [
            ("waitFor.opened", step.Wait?.Until.Opened),
            ("waitFor.clicked", step.Wait?.Until.Clicked),
            ("if.opened", step.Condition?.If.Opened),
            ("if.clicked", step.Condition?.If.Clicked),
        ];

    private static void RefuseEmailParts(FieldErrors errors, string field, string kind, StepDefinition step) =>
        Refuse(
            errors,
            field,
            kind,
            ("delay", step.Delay),
            ("subject", step.Subject),
            ("html", step.Html),
            ("text", step.Text),
            ("translations", step.Translations),
            ("at", step.At),
            ("variants", step.Variants)
        );

    private static List<string> Values(FieldErrors errors, string field, IReadOnlyList<string?>? written)
    {
        foreach (var value in (written ?? []).Where(v => string.IsNullOrWhiteSpace(v) || v.Length > MaxValueLength))
        {
            errors.Add(field, $"'{value}': from 1 to {MaxValueLength} characters.");
        }

        return [.. (written ?? []).OfType<string>().Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static List<RecipientType> RecipientTypeList(
        FieldErrors errors,
        string field,
        IReadOnlyList<string?>? written
    ) =>
        CampaignValidator.Named<RecipientType>(
            errors,
            field,
            written,
            RecipientTypes.TryParse,
            "is not a recipient type; use individual or merchant."
        );

    private static List<string> LanguageList(FieldErrors errors, string field, IReadOnlyList<string?>? written)
    {
        foreach (var value in (written ?? []).Where(v => !Languages.IsSupported(v)))
        {
            errors.Add(field, $"'{value}' is not a language; use {string.Join(" or ", Languages.Supported)}.");
        }

        return [.. (written ?? []).OfType<string>().Where(Languages.IsSupported).Distinct(StringComparer.Ordinal)];
    }
}
