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

public sealed record StopDefinition(IReadOnlyList<string?>? Stages, IReadOnlyList<string?>? Events);

/// <summary>One email: <see cref="Delay"/> is an ISO 8601 duration ("PT0S", "P2D", "PT36H").</summary>
public sealed record StepDefinition(string? Id, string? Delay, string? Subject, string? Html, string? Text)
{
    public IReadOnlyDictionary<string, ContentDefinition?>? Translations { get; init; }

    public static StepDefinition From(CampaignStep step) =>
        new(step.Id, XmlConvert.ToString(step.Delay), step.Content.Subject, step.Content.Html, step.Content.Text)
        {
            Translations =
                step.Translations.Count == 0
                    ? null
                    : step.Translations.ToDictionary(
                        t => t.Key,
                        t => (ContentDefinition?)new ContentDefinition(t.Value.Subject, t.Value.Html, t.Value.Text),
                        StringComparer.Ordinal
                    ),
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
