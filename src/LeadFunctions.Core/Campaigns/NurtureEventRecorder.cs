using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// Marks what SendGrid reports about a campaign's email, and an unsubscribe by its link, on its step of the
/// enrollment, in the lead's partition (<see cref="LeadUpdater"/>): each flag turns on once, and only that first
/// turn counts in the stats and (for opened and clicked) shows on the timeline, so SendGrid's repeats, a second
/// open, a second click on the unsubscribe link and a retried batch count nothing.
/// </summary>
public sealed class NurtureEventRecorder(LeadUpdater updater)
{
    /// <summary>The step flag an event sets; null for events that set none (processed, deferred, a soft bounce, a machine open).</summary>
    public static CampaignMetric? Metric(SendGridEvent sendGridEvent) => sendGridEvent.Type switch
    {
        "delivered" => CampaignMetric.Delivered,

        // A privacy proxy opens every email it carries: "opened by people" leaves those out.
        "open" when !sendGridEvent.MachineOpen => CampaignMetric.Opened,
        "click" => CampaignMetric.Clicked,
        "bounce" when sendGridEvent.BounceType != "blocked" => CampaignMetric.Bounced,
        "unsubscribe" or "group_unsubscribe" => CampaignMetric.Unsubscribed,
        "spamreport" => CampaignMetric.SpamReports,
        _ => null,
    };

    public async Task RecordAsync(SendGridEvent sendGridEvent, CancellationToken cancellationToken)
    {
        if (sendGridEvent is { Kind: MailCustomArgs.NurtureKind, Campaign: not null, Step: not null } && Metric(sendGridEvent) is { } metric)
        {
            await updater.UpdateAsync(sendGridEvent.LeadId, snapshot => Task.FromResult(Decide(snapshot, StepOf(snapshot, sendGridEvent), sendGridEvent.At, metric)), cancellationToken);
        }
    }

    /// <summary>
    /// An unsubscribe by the link of a campaign's email (the token names its send): the step it came in counts it,
    /// once, whether the link is clicked again or SendGrid reports an unsubscribe of the same email too.
    /// </summary>
    public async Task RecordUnsubscribeAsync(string leadId, string sendId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await updater.UpdateAsync(leadId, snapshot => Task.FromResult(Decide(snapshot, StepOf(snapshot, sendId), at, CampaignMetric.Unsubscribed)), cancellationToken);

    private static (Enrollment Enrollment, StepRecord Step)? StepOf(LeadSnapshot snapshot, SendGridEvent sendGridEvent) =>
        snapshot.EnrollmentIn(sendGridEvent.Campaign!) is { } enrollment
        && enrollment.Step(sendGridEvent.Step!) is { } step
        && (sendGridEvent.SendId is null || sendGridEvent.SendId == step.SendId)
            ? (enrollment, step)
            : null;

    private static (Enrollment Enrollment, StepRecord Step)? StepOf(LeadSnapshot snapshot, string sendId) =>
        snapshot.CampaignEnrollments.SelectMany(e => e.Steps.Where(s => s.SendId == sendId).Select(s => ((Enrollment, StepRecord)?)(e, s))).FirstOrDefault();

    private static LeadChange? Decide(LeadSnapshot snapshot, (Enrollment Enrollment, StepRecord Step)? found, DateTimeOffset at, CampaignMetric metric)
    {
        if (snapshot.Lead is not { } lead || found is not var (enrollment, step) || Flagged(step, metric) is not { } flagged)
        {
            return null;
        }

        var entry = metric is CampaignMetric.Opened or CampaignMetric.Clicked
            ? new TimelineEntry(
                $"campaign|{enrollment.CampaignId}|{step.StepId}|{metric.ToString().ToLowerInvariant()}",
                at,
                TimelineKind.Campaign,
                $"{metric} email {step.StepId} of campaign {enrollment.CampaignId}")
            : null;
        return CampaignEnrollment.With(
            new LeadChange(lead.Id, lead, snapshot.ETag, [], []),
            enrollment.WithStep(flagged),
            entry,
            new StatDelta(enrollment.CampaignId, step.StepId, metric));
    }

    /// <summary>The step with the metric's flag turned on; null when it already was.</summary>
    private static StepRecord? Flagged(StepRecord step, CampaignMetric metric) => metric switch
    {
        CampaignMetric.Delivered when !step.Delivered => step with { Delivered = true },
        CampaignMetric.Opened when !step.Opened => step with { Opened = true },
        CampaignMetric.Clicked when !step.Clicked => step with { Clicked = true },
        CampaignMetric.Bounced when !step.Bounced => step with { Bounced = true },
        CampaignMetric.Unsubscribed when !step.Unsubscribed => step with { Unsubscribed = true },
        CampaignMetric.SpamReports when !step.SpamReported => step with { SpamReported = true },
        _ => null,
    };
}
