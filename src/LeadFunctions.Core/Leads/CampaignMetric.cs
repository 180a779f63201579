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
}

/// <summary>Adds <see cref="Count"/> to a counter of the campaign, and of the step when <see cref="StepId"/> is
/// set.</summary>
public sealed record StatDelta(string CampaignId, string? StepId, CampaignMetric Metric, int Count = 1);
