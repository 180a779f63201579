namespace LeadFunctions.Core.Leads;

/// <summary>The counters of a campaign's stats (docs/reference.md): per campaign, and per step where a step
/// applies.</summary>
public enum CampaignMetric
{
    Enrolled,
    Sent,
    Delivered,
    Opened,
    Clicked,
    Bounced,
    Unsubscribed,
    SpamReports,
    Converted,
    Uncertain,

    /// <summary>SendGrid refused the email for good (a 4xx other than 429): nothing went, the enrollment moved
    /// on.</summary>
    Failed,

    /// <summary>A step timed relative to a date (a reminder the day before) whose time had passed when the enrollment
    /// reached it, or passed while it could not go: skipped, never sent late.</summary>
    Missed,

    /// <summary>A wait woken by what it waited for, or a condition that held (per step: the branch taken).</summary>
    Then,

    /// <summary>A condition that did not hold.</summary>
    Else,

    /// <summary>A wait whose time ran out.</summary>
    TimedOut,

    /// <summary>A wait woken by an event its "on" gives a branch of its own (per step; per event in
    /// <see cref="Campaigns.CampaignStats.OnBranches"/>).</summary>
    On,
}

public static class CampaignMetrics
{
    /// <summary>The branches a journey's waits and conditions took: counted per step, meaningless summed over a
    /// campaign.</summary>
    public static readonly IReadOnlySet<CampaignMetric> Branches = new HashSet<CampaignMetric>
    {
        CampaignMetric.Then,
        CampaignMetric.Else,
        CampaignMetric.TimedOut,
        CampaignMetric.On,
    };

    /// <summary>What a campaign's totals show: everything but the branches.</summary>
    public static readonly IReadOnlyList<CampaignMetric> Totals =
    [
        .. Enum.GetValues<CampaignMetric>().Where(m => !Branches.Contains(m)),
    ];
}

/// <summary>Adds <see cref="Count"/> to a counter of the campaign, of the step when <see cref="StepId"/> is set, and of
/// the step's A/B variant when <see cref="Variant"/> is; for <see cref="CampaignMetric.On"/>, of the event
/// <see cref="Branch"/> names as well.</summary>
public sealed record StatDelta(
    string CampaignId,
    string? StepId,
    CampaignMetric Metric,
    int Count = 1,
    string? Variant = null
)
{
    /// <summary>A count of what happened to an email step of an enrollment: its step's, and its variant's.</summary>
    public static StatDelta Of(string campaignId, StepRecord step, CampaignMetric metric, int count = 1) =>
        new(campaignId, step.StepId, metric, count, step.Variant);

    /// <summary>The event of a wait's "on" whose branch was taken (<see cref="CampaignMetric.On"/>).</summary>
    public string? Branch { get; init; }
}
