using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// Turns a written campaign into a <see cref="Campaign"/>, or says field by field ("steps[1].delay",
/// "sendWindow.from") what is wrong. Everything a send would trip over later (a template that does not parse,
/// a placeholder nobody fills, a stage or event that never happens) is refused here, before anything is stored.
/// </summary>
public static partial class CampaignValidator
{
    public const int MaxNameLength = 200;
    public const int MaxPriority = 1000;
    public const int MaxSteps = 20;
    public const int MaxSubjectLength = 500;
    public const int MaxHtmlLength = 100_000;
    public const int MaxTextLength = 50_000;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(365);

    private const string IdRule = "1 to 64 letters, digits, '-' or '_'.";

    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>The campaign, or the errors per field (then no campaign).</summary>
    public static ValidationResult<Campaign> Validate(string id, CampaignDefinition definition)
    {
        var errors = new FieldErrors();
        CheckId(errors, "id", id);
        var name = errors.Text("name", definition.Name, MaxNameLength);
        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            errors.Add("name", "Required.");
        }

        var priority = definition.Priority ?? 0;
        if (priority is < 0 or > MaxPriority)
        {
            errors.Add("priority", $"From 0 to {MaxPriority}.");
        }

        var language = definition.Language ?? Languages.Turkish;
        if (!Languages.IsSupported(language))
        {
            errors.Add("language", $"One of {string.Join(", ", Languages.Supported)}.");
        }

        var trigger = new CampaignTrigger
        {
            StageEntered = Stages(errors, "trigger.stageEntered", definition.Trigger?.StageEntered),
            Events = Events(errors, "trigger.events", definition.Trigger?.Events),
            Sources = Sources(errors, "trigger.sources", definition.Trigger?.Sources),
        };
        var audience = new CampaignAudience
        {
            Stages = Stages(errors, "audience.stages", definition.Audience?.Stages),
            Sources = Sources(errors, "audience.sources", definition.Audience?.Sources),
            // Any whole number: scores can be negative (free mail is −5 by default) and have no upper bound.
            MinScore = definition.Audience?.MinScore,
            Temperatures = Temperatures(errors, "audience.temperatures", definition.Audience?.Temperatures),
        };
        var stopWhen = new StopConditions
        {
            Stages = Stages(errors, "stopWhen.stages", definition.StopWhen?.Stages),
            Events = Events(errors, "stopWhen.events", definition.StopWhen?.Events),
        };
        var steps = CampaignStepValidator.Steps(errors, definition.Steps, language);
        var reenter = definition.Reenter is { } again ? Reenter(errors, again) : null;
        var window = definition.SendWindow is { } written ? Window(errors, written) : null;
        if (errors.Any)
        {
            return ValidationResult.Failure<Campaign>(errors.ToDictionary());
        }

        return ValidationResult.Success(
            new Campaign
            {
                Id = id,
                Name = name!,
                Active = definition.Active ?? true,
                Priority = priority,
                Language = language,
                Trigger = trigger,
                Audience = audience,
                Steps = steps,
                StopWhen = stopWhen,
                Reenter = reenter,
                SendWindow = window,
            }
        );
    }

    internal static void CheckId(FieldErrors errors, string field, string? id)
    {
        if (!IsValidId(id))
        {
            errors.Add(field, IdRule);
        }
    }

    /// <summary>A delay as an ISO 8601 duration in days, hours, minutes and seconds; months and years have no fixed
    /// length.</summary>
    internal static TimeSpan Delay(FieldErrors errors, string field, string? written) =>
        Duration(errors, field, written, TimeSpan.Zero);

    /// <summary>A duration as <see cref="Delay"/>, from <paramref name="least"/> (negative: before) to
    /// <see cref="MaxDelay"/>.</summary>
    internal static TimeSpan Duration(FieldErrors errors, string field, string? written, TimeSpan least)
    {
        var rule =
            least < TimeSpan.Zero
                ? "An ISO 8601 duration in days, hours, minutes or seconds, negative for before: -P1D, -PT1H, PT30M."
                : "An ISO 8601 duration in days, hours, minutes or seconds: PT0S, PT36H, P2D.";
        if (string.IsNullOrWhiteSpace(written))
        {
            errors.Add(field, $"Required. {rule}");
            return TimeSpan.Zero;
        }

        var datePart = written.Split('T')[0];
        TimeSpan duration;
        try
        {
            duration =
                datePart.Contains('Y', StringComparison.Ordinal) || datePart.Contains('M', StringComparison.Ordinal)
                    ? throw new FormatException()
                    : XmlConvert.ToTimeSpan(written);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            errors.Add(field, rule);
            return TimeSpan.Zero;
        }

        if (duration < least || duration > MaxDelay)
        {
            errors.Add(field, $"From {XmlConvert.ToString(least)} to P{MaxDelay.Days}D.");
        }

        return duration;
    }

    internal static List<LifecycleStage> Stages(FieldErrors errors, string field, IReadOnlyList<string?>? names) =>
        Named(
            errors,
            field,
            names,
            // Enum parsing also takes "3"; only the API names are stages.
            (string? name, out LifecycleStage stage) =>
                LifecycleStages.TryParse(name, out stage)
                && string.Equals(stage.ToApiName(), name, StringComparison.OrdinalIgnoreCase),
            $"is not a stage; use {string.Join(", ", Enum.GetValues<LifecycleStage>().Select(s => s.ToApiName()))}."
        );

    /// <summary>How a value is read from its name.</summary>
    internal delegate bool Parse<T>(string? name, out T value);

    /// <summary>The values <paramref name="names"/> name, each once; each name that is none is an error of
    /// <paramref name="field"/>: "'{name}' {<paramref name="rule"/>}".</summary>
    internal static List<T> Named<T>(
        FieldErrors errors,
        string field,
        IReadOnlyList<string?>? names,
        Parse<T> parse,
        string rule
    )
    {
        var values = new List<T>();
        foreach (var name in names ?? [])
        {
            if (parse(name, out var value))
            {
                values.Add(value);
            }
            else
            {
                errors.Add(field, $"'{name}' {rule}");
            }
        }

        return [.. values.Distinct()];
    }

    internal static List<Temperature> Temperatures(FieldErrors errors, string field, IReadOnlyList<string?>? names) =>
        Named<Temperature>(
            errors,
            field,
            names,
            Leads.Temperatures.TryParse,
            "is not a temperature; use cold, warm, hot."
        );

    internal static List<string> Events(FieldErrors errors, string field, IReadOnlyList<string?>? names)
    {
        foreach (var name in (names ?? []).Where(n => n is null || !EventTypes.All.Contains(n)))
        {
            errors.Add(field, $"'{name}' is not an event type; use {string.Join(", ", EventTypes.All)}.");
        }

        return [.. (names ?? []).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    private static List<string> Sources(FieldErrors errors, string field, IReadOnlyList<string?>? names)
    {
        foreach (var name in (names ?? []).Where(n => !LeadSources.IsValid(n)))
        {
            errors.Add(field, $"'{name}' is not a source name: {LeadSources.Rule}");
        }

        return [.. (names ?? []).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    private static SendWindow? Window(FieldErrors errors, SendWindowDefinition written)
    {
        var from = Time(errors, "sendWindow.from", written.From);
        var to = Time(errors, "sendWindow.to", written.To);
        if (from is { } start && to is { } end && start >= end)
        {
            errors.Add("sendWindow.to", "Must be later than from (a window does not cross midnight).");
        }

        var days = Days(errors, "sendWindow.days", written.Days);
        return from is { } f && to is { } t ? new SendWindow(f, t, days) : null;
    }

    private static Reentry Reenter(FieldErrors errors, ReenterDefinition written) =>
        new(Lasting(errors, "reenter.after", written.After, "how long after entering a person may enter again"));

    /// <summary>A <see cref="Delay"/> that must be longer than none, for <paramref name="what"/>.</summary>
    internal static TimeSpan Lasting(FieldErrors errors, string field, string? written, string what)
    {
        var duration = Delay(errors, field, written);
        if (duration == TimeSpan.Zero && !errors.Has(field))
        {
            errors.Add(field, $"More than PT0S: {what}.");
        }

        return duration;
    }

    internal static List<DayOfWeek> Days(FieldErrors errors, string field, IReadOnlyList<string?>? names) =>
        Named<DayOfWeek>(
            errors,
            field,
            names,
            WeekDays.TryParse,
            "is not a day; use Mon, Tue, Wed, Thu, Fri, Sat, Sun."
        );

    internal static TimeOnly? Time(FieldErrors errors, string field, string? written)
    {
        if (
            TimeOnly.TryParseExact(
                written,
                SendWindowDefinition.TimeFormat,
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var time
            )
        )
        {
            return time;
        }

        errors.Add(field, "A time as HH:mm (00:00 to 23:59).");
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
