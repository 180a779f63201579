using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// What makes a campaign a journey (docs/campaigns.md, "Journeys"): waits, conditions and jumps between steps. A
/// target names a step by id, or <see cref="End"/>; a target left out is the step below (the end after the last).
/// </summary>
public static class Journeys
{
    /// <summary>The target that ends the enrollment (completed).</summary>
    public const string End = "end";

    /// <summary>The branch a wait took when what it waited for came; a condition's when it held.</summary>
    public const string Then = "then";

    /// <summary>The branch a condition took when it did not hold.</summary>
    public const string Else = "else";

    /// <summary>The branch a wait took when its time ran out.</summary>
    public const string Timeout = "timeout";

    // A wait woken by an event its "on" names takes that event's branch, named by the event type ("webinar_missed").

    /// <summary>Whether any step waits, branches or jumps; a campaign that does none runs as a straight line, as
    /// campaigns always have.</summary>
    public static bool IsJourney(this Campaign campaign) => IsJourney(campaign.Steps);

    public static bool IsJourney(IReadOnlyList<CampaignStep> steps) =>
        steps.Any(s => s.Wait is not null || s.Condition is not null || s.Next is not null);

    /// <summary>Where the flow goes after <paramref name="step"/> took <paramref name="branch"/>: a step id or
    /// <see cref="End"/>.</summary>
    public static string Successor(IReadOnlyList<CampaignStep> steps, CampaignStep step, string? branch)
    {
        var target = step switch
        {
            { Wait: { } wait } => branch == Timeout ? wait.Timeout
            : branch is not null && wait.On.TryGetValue(branch, out var on) ? on
            : wait.Then,
            { Condition: { } condition } => branch == Else ? condition.Else : condition.Then,
            _ => step.Next,
        };
        return target ?? Below(steps, step.Id);
    }

    /// <summary>Every step the flow may go to after <paramref name="step"/>, whatever happens.</summary>
    public static IEnumerable<string> Successors(IReadOnlyList<CampaignStep> steps, CampaignStep step) =>
        step switch
        {
            { Wait: { } wait } =>
            [
                Successor(steps, step, Then),
                Successor(steps, step, Timeout),
                .. wait.On.Keys.Select(e => Successor(steps, step, e)),
            ],
            { Condition: not null } => [Successor(steps, step, Then), Successor(steps, step, Else)],
            _ => [Successor(steps, step, null)],
        };

    private static string Below(IReadOnlyList<CampaignStep> steps, string stepId)
    {
        for (var i = 0; i + 1 < steps.Count; i++)
        {
            if (steps[i].Id == stepId)
            {
                return steps[i + 1].Id;
            }
        }

        return End;
    }
}

/// <summary>What a person did with an email of the enrollment.</summary>
internal static class Engagement
{
    /// <summary>Opened, or clicked: an open a mail client did not report (images blocked) or a privacy proxy's open
    /// that was set aside does not hide a click.</summary>
    public static bool Opened(Enrollment enrollment, string stepId) =>
        enrollment.Step(stepId) is { Opened: true } or { Clicked: true };
}

/// <summary>
/// A wait: the enrollment stays on the step until what it waits for comes (<see cref="StepWait.Then"/>), at most
/// <see cref="AtMost"/> (<see cref="Timeout"/>). Woken in the write of the lead change that brings it, not by a scan.
/// </summary>
public sealed record StepWait(WaitUntil Until, TimeSpan AtMost, string? Then, string? Timeout)
{
    /// <summary>Where an event of <see cref="WaitUntil.Events"/> that wakes the wait sends the flow instead of
    /// <see cref="Then"/> (a target by event type: "webinar_missed" → "sorry"); the branch is named by the
    /// event.</summary>
    public IReadOnlyDictionary<string, string> On { get; init; } =
        System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The branch a wait woken by <paramref name="events"/> (done since <paramref name="since"/>) or by the
    /// person as it wants them takes: the first waking event's own branch when <see cref="On"/> names it, else
    /// <see cref="Journeys.Then"/>; null when nothing wakes it.</summary>
    public string? BranchFor(
        Lead lead,
        Enrollment enrollment,
        IEnumerable<EngagementEvent> events,
        DateTimeOffset since
    )
    {
        var first = Until.WakingEvents(events, since).MinBy(e => e.OccurredAt);
        return first is not null ? (On.ContainsKey(first.Type) ? first.Type : Journeys.Then)
            : Until.HoldsFor(lead, enrollment) ? Journeys.Then
            : null;
    }

    /// <summary>Equal when every part is, <see cref="On"/> by its entries (a campaign read back from storage has
    /// its own copy).</summary>
    public bool Equals(StepWait? other) =>
        other is not null
        && (Until, AtMost, Then, Timeout) == (other.Until, other.AtMost, other.Then, other.Timeout)
        && On.Count == other.On.Count
        && On.All(o => other.On.TryGetValue(o.Key, out var target) && target == o.Value);

    public override int GetHashCode() => HashCode.Combine(Until, AtMost, Then, Timeout, On.Count);
}

/// <summary>What a wait waits for; any one of them wakes it.</summary>
public sealed record WaitUntil
{
    /// <summary>Event types done after the wait began.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>Being at one of these stages.</summary>
    public IReadOnlyList<LifecycleStage> Stages { get; init; } = [];

    /// <summary>A total score of at least this.</summary>
    public int? MinScore { get; init; }

    /// <summary>An email step of the enrollment opened (a click counts: an email clicked was opened, whether its open
    /// was seen or not), or clicked, by a person.</summary>
    public string? Opened { get; init; }

    public string? Clicked { get; init; }

    /// <summary>Whether the person is already as the wait wants them (a stage, a score, an email engaged with):
    /// checked when the wait begins and on every change.</summary>
    public bool HoldsFor(Lead lead, Enrollment enrollment) =>
        Stages.Contains(lead.Stage)
        || (MinScore is { } min && lead.Score.Total >= min)
        || (Opened is { } opened && Engagement.Opened(enrollment, opened))
        || (Clicked is { } clicked && enrollment.Step(clicked) is { Clicked: true });

    /// <summary>Those of <paramref name="events"/> it waits for, done since it began (a late report of
    /// something done before does not wake it).</summary>
    public IEnumerable<EngagementEvent> WakingEvents(IEnumerable<EngagementEvent> events, DateTimeOffset since) =>
        events.Where(e => e.OccurredAt >= since && Events.Contains(e.Type, StringComparer.Ordinal));
}

/// <summary>A condition on the person, decided when the flow reaches it: <see cref="Then"/> when it holds, else
/// <see cref="Else"/>.</summary>
public sealed record StepCondition(PersonCondition If, string? Then, string? Else);

/// <summary>Every part given must hold; a list holds when the person's value is in it.</summary>
public sealed record PersonCondition
{
    public IReadOnlyList<LifecycleStage> Stages { get; init; } = [];

    public int? MinScore { get; init; }

    public IReadOnlyList<Temperature> Temperatures { get; init; } = [];

    /// <summary>ISO 3166 codes, as leads carry them.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    public IReadOnlyList<string> Industries { get; init; } = [];

    public IReadOnlyList<RecipientType> RecipientTypes { get; init; } = [];

    /// <summary>The language the person gets emails in ("tr", "en").</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>An email step of the enrollment opened (or clicked), or clicked, by a person.</summary>
    public string? Opened { get; init; }

    public string? Clicked { get; init; }

    public bool HoldsFor(Lead lead, Enrollment enrollment) =>
        (Stages.Count == 0 || Stages.Contains(lead.Stage))
        && (MinScore is not { } min || lead.Score.Total >= min)
        && (Temperatures.Count == 0 || Temperatures.Contains(lead.Temperature))
        && In(Countries, lead.Country)
        && In(Industries, lead.Industry)
        && (RecipientTypes.Count == 0 || RecipientTypes.Contains(lead.RecipientType))
        && In(Languages, Leads.Languages.For(lead))
        && (Opened is not { } opened || Engagement.Opened(enrollment, opened))
        && (Clicked is not { } clicked || enrollment.Step(clicked) is { Clicked: true });

    private static bool In(IReadOnlyList<string> list, string? value) =>
        list.Count == 0 || (value is not null && list.Contains(value, StringComparer.OrdinalIgnoreCase));
}
