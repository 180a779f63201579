using System.Text.Json.Serialization;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// A drip campaign as data (docs/campaigns.md, "A campaign"): who enters (trigger and audience), the steps with their
/// delays and templates, when an enrollment ends (stop conditions) and when emails may go (send window).
/// </summary>
public sealed record Campaign
{
    /// <summary>From the route; letters, digits, '-' and '_' (at most 64).</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>An inactive campaign enrolls nobody and sends nothing; its enrollments wait until it is active
    /// again.</summary>
    public bool Active { get; init; } = true;

    /// <summary>Set when the spam brake paused the campaign (<see cref="Campaigns.SpamBrake"/>); a resume clears
    /// it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SpamBrakeTrip? SpamBrake { get; init; }

    /// <summary>Set by DELETE: like inactive, and left out of the list unless asked for.</summary>
    public bool Archived { get; init; }

    /// <summary>Across campaigns, the higher one sends first when two are due for one person.</summary>
    public int Priority { get; init; }

    /// <summary>The language the steps' own subject, HTML and text are written in ("tr" or "en").</summary>
    public string Language { get; init; } = Languages.Turkish;

    public CampaignTrigger Trigger { get; init; } = new();

    public CampaignAudience Audience { get; init; } = new();

    public required IReadOnlyList<CampaignStep> Steps { get; init; }

    public StopConditions StopWhen { get; init; } = new();

    /// <summary>Null: a person enters once ever. Else they may enter again, as a new enrollment, once their last one
    /// has ended and began at least <see cref="Reentry.After"/> ago.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Reentry? Reenter { get; init; }

    /// <summary>Null: any hour of any day.</summary>
    public SendWindow? SendWindow { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>What enrolls a lead: entering one of the stages, one of the engagement events, or being created from one of
/// the sources.</summary>
public sealed record CampaignTrigger
{
    public IReadOnlyList<LifecycleStage> StageEntered { get; init; } = [];

    public IReadOnlyList<string> Events { get; init; } = [];

    public IReadOnlyList<string> Sources { get; init; } = [];
}

/// <summary>Who may be enrolled; an empty list allows everyone.</summary>
public sealed record CampaignAudience
{
    public IReadOnlyList<LifecycleStage> Stages { get; init; } = [];

    public IReadOnlyList<string> Sources { get; init; } = [];

    public int? MinScore { get; init; }

    /// <summary>Cold, warm, hot (the scoring model's temperature).</summary>
    public IReadOnlyList<Temperature> Temperatures { get; init; } = [];

    /// <summary>Whether <paramref name="lead"/> may be enrolled, by its stage, source, total score and temperature as
    /// they are after the change.</summary>
    public bool Matches(Lead lead) =>
        (Stages.Count == 0 || Stages.Contains(lead.Stage))
        && (Sources.Count == 0 || Sources.Contains(lead.Source, StringComparer.OrdinalIgnoreCase))
        && (MinScore is not { } min || lead.Score.Total >= min)
        && (Temperatures.Count == 0 || Temperatures.Contains(lead.Temperature));
}

/// <summary>
/// One step: an email (<see cref="Content"/>), a wait (<see cref="Wait"/>) or a condition (<see cref="Condition"/>).
/// An email's <see cref="Delay"/> counts from enrollment (first step) or from the previous send; in a journey (a
/// campaign with a wait, a condition or a <see cref="Next"/>), from the moment the step is reached. The id is stable
/// across edits: it is what an enrollment remembers as sent.
/// </summary>
public sealed record CampaignStep
{
    public required string Id { get; init; }

    public TimeSpan Delay { get; init; }

    /// <summary>When the email goes, if not at once after its delay: at a time of day in the person's zone, or at a
    /// date the enrollment carries plus an offset (<see cref="StepTimes"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StepAt? At { get; init; }

    /// <summary>The email; null for a wait or a condition, and for an email written as variants.</summary>
    public StepContent? Content { get; init; }

    /// <summary>A/B variants of the email (<see cref="StepVariants"/>): each person gets one, chosen by a stable hash
    /// by weight among those switched on; empty for an email written once.</summary>
    public IReadOnlyList<StepVariant> Variants { get; init; } = [];

    /// <summary>Whether the step sends an email (not a wait or a condition).</summary>
    [JsonIgnore]
    public bool IsEmail => Wait is null && Condition is null;

    /// <summary>The same email in another language ("en" or "tr"), chosen by the lead's language.</summary>
    public IReadOnlyDictionary<string, StepContent> Translations { get; init; } = new Dictionary<string, StepContent>();

    /// <summary>After the email, the step with this id (or <see cref="Journeys.End"/>); null: the step below
    /// it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Next { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StepWait? Wait { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StepCondition? Condition { get; init; }
}

/// <summary>
/// A time people mean. With <see cref="RelativeTo"/>: that date of the enrollment (<see cref="EnrollmentDates"/>)
/// plus <see cref="Offset"/> (negative before it), on that day at <see cref="Time"/> when given. Without: the first
/// <see cref="Time"/> on one of <see cref="Days"/> (empty: any day) once the step's delay has passed. Times are the
/// person's own (<see cref="IRecipientTimeZones"/>).
/// </summary>
public sealed record StepAt(TimeOnly? Time, IReadOnlyList<DayOfWeek> Days, string? RelativeTo, TimeSpan Offset);

/// <summary>Liquid templates of one email.</summary>
public sealed record StepContent(string Subject, string Html, string Text);

/// <summary>An enrollment ends when the lead reaches one of the stages or does one of the events.</summary>
public sealed record StopConditions
{
    public IReadOnlyList<LifecycleStage> Stages { get; init; } = [];

    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>
    /// The one rule for "does this end the enrollment?": "stage:sql" when <paramref name="stage"/> is a stop stage,
    /// "event:demo_request" for the first stop event among <paramref name="eventTypes"/>, else null.
    /// </summary>
    public string? ReasonFor(LifecycleStage? stage, IEnumerable<string> eventTypes) =>
        stage is { } reached && Stages.Contains(reached) ? "stage:" + reached.ToApiName()
        : eventTypes.FirstOrDefault(t => Events.Contains(t, StringComparer.Ordinal)) is { } type ? "event:" + type
        : null;
}

/// <summary>A campaign's rule for entering again.</summary>
public sealed record Reentry(TimeSpan After);

/// <summary>When emails may go, in the recipient's time zone: from <see cref="From"/> to <see cref="To"/> on
/// <see cref="Days"/> (empty: every day).</summary>
public sealed record SendWindow(TimeOnly From, TimeOnly To, IReadOnlyList<DayOfWeek> Days);
