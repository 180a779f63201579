using System.Globalization;
using System.Xml;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// A campaign as a person writes it (docs/campaigns.md, "A campaign"): text where <see cref="Campaign"/> has types, so
/// that every mistake can be named by its field instead of failing a JSON converter. <see cref="CampaignValidator"/>
/// turns it into a <see cref="Campaign"/>; <see cref="From"/> writes a campaign back in the same shape, so what GET
/// answers can be sent to PUT again.
/// </summary>
public record CampaignDefinition
{
    public string? Name { get; init; }

    public bool? Active { get; init; }

    public int? Priority { get; init; }

    /// <summary>"tr" (the default) or "en": the language the steps' own texts are written in.</summary>
    public string? Language { get; init; }

    public TriggerDefinition? Trigger { get; init; }

    public AudienceDefinition? Audience { get; init; }

    public IReadOnlyList<StepDefinition?>? Steps { get; init; }

    public StopDefinition? StopWhen { get; init; }

    /// <summary>Null: once ever. <c>{"after": "P90D"}</c>: again, once the last enrollment ended and began that long
    /// ago.</summary>
    public ReenterDefinition? Reenter { get; init; }

    public SendWindowDefinition? SendWindow { get; init; }

    public static CampaignDefinition From(Campaign campaign) =>
        new()
        {
            Name = campaign.Name,
            Active = campaign.Active,
            Priority = campaign.Priority,
            Language = campaign.Language,
            Trigger = new TriggerDefinition(
                [.. campaign.Trigger.StageEntered.Select(s => s.ToApiName())],
                campaign.Trigger.Events,
                campaign.Trigger.Sources
            ),
            Audience = new AudienceDefinition(
                [.. campaign.Audience.Stages.Select(s => s.ToApiName())],
                campaign.Audience.Sources,
                campaign.Audience.MinScore,
                campaign.Audience.Temperatures.Count == 0
                    ? null
                    : [.. campaign.Audience.Temperatures.Select(t => t.ToApiName())]
            ),
            Steps = [.. campaign.Steps.Select(StepDefinition.From)],
            StopWhen = new StopDefinition(
                [.. campaign.StopWhen.Stages.Select(s => s.ToApiName())],
                campaign.StopWhen.Events
            ),
            Reenter = campaign.Reenter is { } reenter
                ? new ReenterDefinition(XmlConvert.ToString(reenter.After))
                : null,
            SendWindow = campaign.SendWindow is { } window ? SendWindowDefinition.Of(window) : null,
        };
}

public sealed record TriggerDefinition(
    IReadOnlyList<string?>? StageEntered,
    IReadOnlyList<string?>? Events,
    IReadOnlyList<string?>? Sources
);

public sealed record AudienceDefinition(
    IReadOnlyList<string?>? Stages,
    IReadOnlyList<string?>? Sources,
    int? MinScore,
    IReadOnlyList<string?>? Temperatures = null
);

public sealed record ReenterDefinition(string? After);

public sealed record StopDefinition(IReadOnlyList<string?>? Stages, IReadOnlyList<string?>? Events);

/// <summary>
/// One step: an email (<see cref="Delay"/> is an ISO 8601 duration: "PT0S", "P2D", "PT36H"; <see cref="Next"/> a jump),
/// a wait (<see cref="WaitFor"/>, <see cref="AtMost"/>, <see cref="Then"/>, <see cref="Timeout"/>, and per event
/// a branch of its own, <see cref="On"/>) or a condition
/// (<see cref="If"/>, <see cref="Then"/>, <see cref="Else"/>).
/// </summary>
public sealed record StepDefinition(string? Id, string? Delay, string? Subject, string? Html, string? Text)
{
    public IReadOnlyDictionary<string, ContentDefinition?>? Translations { get; init; }

    public string? Next { get; init; }

    /// <summary>When the email goes, as people mean it (<see cref="StepAt"/>).</summary>
    public AtDefinition? At { get; init; }

    /// <summary>A/B variants in place of the step's own subject, HTML, text and translations.</summary>
    public IReadOnlyList<VariantDefinition?>? Variants { get; init; }

    public WaitDefinition? WaitFor { get; init; }

    public string? AtMost { get; init; }

    public ConditionDefinition? If { get; init; }

    public string? Then { get; init; }

    public string? Else { get; init; }

    public string? Timeout { get; init; }

    /// <summary>A wait's branch per event it waits for: <c>{"webinar_missed": "sorry"}</c> sends a person woken by
    /// that event to that step; anything else that wakes the wait goes to <see cref="Then"/>.</summary>
    public IReadOnlyDictionary<string, string?>? On { get; init; }

    public static StepDefinition From(CampaignStep step) =>
        step switch
        {
            { Wait: { } wait } => new(step.Id, null, null, null, null)
            {
                WaitFor = WaitDefinition.From(wait.Until),
                AtMost = XmlConvert.ToString(wait.AtMost),
                Then = wait.Then,
                Timeout = wait.Timeout,
                On = wait.On.Count == 0 ? null : wait.On.ToDictionary(o => o.Key, o => (string?)o.Value),
            },
            { Condition: { } condition } => new(step.Id, null, null, null, null)
            {
                If = ConditionDefinition.From(condition.If),
                Then = condition.Then,
                Else = condition.Else,
            },
            _ => new(
                step.Id,
                step.At?.RelativeTo is null ? XmlConvert.ToString(step.Delay) : null,
                step.Content?.Subject,
                step.Content?.Html,
                step.Content?.Text
            )
            {
                Next = step.Next,
                At = step.At is { } at ? AtDefinition.From(at) : null,
                Translations = Written(step.Translations),
                Variants = step.Variants.Count == 0 ? null : [.. step.Variants.Select(VariantDefinition.From)],
            },
        };

    internal static Dictionary<string, ContentDefinition?>? Written(
        IReadOnlyDictionary<string, StepContent> translations
    ) =>
        translations.Count == 0
            ? null
            : translations.ToDictionary(
                t => t.Key,
                t => (ContentDefinition?)new ContentDefinition(t.Value.Subject, t.Value.Html, t.Value.Text),
                StringComparer.Ordinal
            );
}

/// <summary>One A/B variant of an email: <see cref="Weight"/> (1 by default) against the others switched on;
/// <see cref="Active"/> false switches it off.</summary>
public sealed record VariantDefinition(
    string? Id,
    int? Weight,
    bool? Active,
    string? Subject,
    string? Html,
    string? Text
)
{
    public IReadOnlyDictionary<string, ContentDefinition?>? Translations { get; init; }

    public static VariantDefinition From(StepVariant variant) =>
        new(
            variant.Id,
            variant.Weight,
            variant.Active,
            variant.Content.Subject,
            variant.Content.Html,
            variant.Content.Text
        )
        {
            Translations = StepDefinition.Written(variant.Translations),
        };
}

/// <summary>
/// "At 10:00 on a weekday" (<see cref="Time"/>, <see cref="Days"/>: the first such time once the delay has passed), or
/// "the day before the webinar at 10:00" (<see cref="RelativeTo"/> "webinar.startsAt", <see cref="Offset"/> "-P1D",
/// <see cref="Time"/>; no delay).
/// </summary>
public sealed record AtDefinition(string? Time, IReadOnlyList<string?>? Days, string? RelativeTo, string? Offset)
{
    public static AtDefinition From(StepAt at) =>
        new(
            at.Time?.ToString(SendWindowDefinition.TimeFormat, CultureInfo.InvariantCulture),
            at.Days.Count == 0 ? null : [.. at.Days.Select(WeekDays.Name)],
            at.RelativeTo,
            at.RelativeTo is null ? null : XmlConvert.ToString(at.Offset)
        );
}

/// <summary>What a wait waits for (any one wakes it): events done after it began, a stage, a score, an email of the
/// enrollment opened or clicked (by its step id).</summary>
public sealed record WaitDefinition(
    IReadOnlyList<string?>? Events,
    IReadOnlyList<string?>? Stages,
    int? MinScore,
    string? Opened,
    string? Clicked
)
{
    public static WaitDefinition From(WaitUntil until) =>
        new(
            Listed(until.Events),
            Listed(until.Stages.Select(s => s.ToApiName())),
            until.MinScore,
            until.Opened,
            until.Clicked
        );

    internal static IReadOnlyList<string?>? Listed(IEnumerable<string> values) =>
        values.ToList() is { Count: > 0 } list ? list : null;
}

/// <summary>A condition on the person (every part given must hold).</summary>
public sealed record ConditionDefinition
{
    public IReadOnlyList<string?>? Stages { get; init; }

    public int? MinScore { get; init; }

    public IReadOnlyList<string?>? Temperatures { get; init; }

    public IReadOnlyList<string?>? Countries { get; init; }

    public IReadOnlyList<string?>? Industries { get; init; }

    /// <summary>"individual" or "merchant".</summary>
    public IReadOnlyList<string?>? RecipientTypes { get; init; }

    public IReadOnlyList<string?>? Languages { get; init; }

    public string? Opened { get; init; }

    public string? Clicked { get; init; }

    public static ConditionDefinition From(PersonCondition condition) =>
        new()
        {
            Stages = WaitDefinition.Listed(condition.Stages.Select(s => s.ToApiName())),
            MinScore = condition.MinScore,
            Temperatures = WaitDefinition.Listed(condition.Temperatures.Select(t => t.ToApiName())),
            Countries = WaitDefinition.Listed(condition.Countries),
            Industries = WaitDefinition.Listed(condition.Industries),
            RecipientTypes = WaitDefinition.Listed(
                condition.RecipientTypes.Select(t => t.ToString().ToLowerInvariant())
            ),
            Languages = WaitDefinition.Listed(condition.Languages),
            Opened = condition.Opened,
            Clicked = condition.Clicked,
        };
}

public sealed record ContentDefinition(string? Subject, string? Html, string? Text);

/// <summary>Times as "HH:mm", days as "Mon".."Sun".</summary>
public sealed record SendWindowDefinition(string? From, string? To, IReadOnlyList<string?>? Days)
{
    public const string TimeFormat = "HH:mm";

    public static SendWindowDefinition Of(SendWindow window) =>
        new(
            window.From.ToString(TimeFormat, CultureInfo.InvariantCulture),
            window.To.ToString(TimeFormat, CultureInfo.InvariantCulture),
            [.. window.Days.Select(WeekDays.Name)]
        );
}
