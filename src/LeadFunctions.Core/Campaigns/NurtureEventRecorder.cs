using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// Marks what SendGrid reports about a campaign's email on its step of the enrollment, in the lead's partition
/// (<see cref="LeadUpdater"/>): each flag turns on once, and only that first turn counts in the stats and (for
/// opened and clicked) shows on the timeline, so SendGrid's repeats, a second open and a retried batch count nothing.
/// A wait for the open or the click of that email is woken in the same write.
/// </summary>
public sealed class NurtureEventRecorder(
    LeadUpdater updater,
    ICampaignCatalog campaigns,
    IRecipientTimeZones zones,
    TimeProvider time
)
{
    /// <summary>The step flag an event sets; null for events that set none (processed, deferred, a soft bounce, a
    /// machine open, an ignored click).</summary>
    public static CampaignMetric? Metric(SendGridEvent sendGridEvent) =>
        sendGridEvent.Type switch
        {
            "delivered" => CampaignMetric.Delivered,

            // A privacy proxy opens every email it carries: "opened by people" leaves those out.
            "open" when !sendGridEvent.MachineOpen => CampaignMetric.Opened,

            // Link scanners' clicks and clicks on the unsubscribe link (JudgeClickAsync): "clicked by people" leaves
            // them out too.
            "click" when !sendGridEvent.IgnoredClick => CampaignMetric.Clicked,
            "bounce" when sendGridEvent.BounceType != "blocked" => CampaignMetric.Bounced,
            "unsubscribe" or "group_unsubscribe" => CampaignMetric.Unsubscribed,
            "spamreport" => CampaignMetric.SpamReports,
            _ => null,
        };

    /// <summary>Whether the event says that SendGrid took the send's request: it processed, delivered, dropped or
    /// bounced it.</summary>
    public static bool ConfirmsSend(SendGridEvent sendGridEvent) =>
        sendGridEvent.SendId is not null && sendGridEvent.Type is "processed" or "delivered" or "dropped" or "bounce";

    public async Task RecordAsync(SendGridEvent sendGridEvent, CancellationToken cancellationToken)
    {
        if (
            sendGridEvent is { Kind: MailCustomArgs.NurtureKind, Campaign: not null, Step: not null }
            && (Metric(sendGridEvent) is not null || ConfirmsSend(sendGridEvent))
        )
        {
            await updater.UpdateAsync(
                sendGridEvent.LeadId,
                async snapshot =>
                {
                    var change = Decide(snapshot, StepOf(snapshot, sendGridEvent), sendGridEvent);
                    return
                        change is not null && Metric(sendGridEvent) is CampaignMetric.Opened or CampaignMetric.Clicked
                        ? await WakeAsync(change, cancellationToken)
                        : change;
                },
                cancellationToken
            );
        }
    }

    /// <summary>A wait for an open or a click of the step the change flagged, woken in the same write (the other
    /// flags and confirmations wake nothing).</summary>
    private async Task<LeadChange> WakeAsync(LeadChange change, CancellationToken cancellationToken)
    {
        if (
            change is { Lead: { } lead, Enrollments: [var enrollment] }
            && enrollment.NextStepId is not null
            && await campaigns.FindAsync(enrollment.CampaignId, cancellationToken) is { } campaign
            && EnrollmentSteps.Wake(campaign, enrollment, lead, [], time.GetUtcNow(), () => zones.ZoneOf(lead))
                is { } woken
        )
        {
            return CampaignEnrollment.With(change, woken.Enrollment, null, woken.Counts, woken.Next);
        }

        return change;
    }

    /// <summary>
    /// An unsubscribe by the link of a campaign's email (the token names its send): the step it came in counts it,
    /// once, whether the link is clicked again or SendGrid reports an unsubscribe of the same email too.
    /// </summary>
    public async Task RecordUnsubscribeAsync(
        string leadId,
        string sendId,
        DateTimeOffset at,
        CancellationToken cancellationToken
    ) =>
        await updater.UpdateAsync(
            leadId,
            snapshot =>
                Task.FromResult(
                    Flag(snapshot, StepOf(snapshot, sendId), at, CampaignMetric.Unsubscribed, confirmedBy: null)
                ),
            cancellationToken
        );

    /// <summary>
    /// The click with its verdict (<see cref="SendGridEvent.IgnoredClick"/>), by what the batch says of its email and,
    /// for a campaign's email, what its step keeps across batches: the delivery (else the send) and the first click.
    /// That first click is written in the same ETag-guarded change it is judged against, so batches judged at once
    /// still see each other's.
    /// </summary>
    public async Task<SendGridEvent> JudgeClickAsync(
        SendGridEvent click,
        EmailClicks inBatch,
        CancellationToken cancellationToken
    )
    {
        var judged = click with { IgnoredClick = LinkScanners.Ignored(click, inBatch) };
        if (click is { Kind: MailCustomArgs.NurtureKind, Campaign: not null, Step: not null })
        {
            await updater.UpdateAsync(
                click.LeadId,
                snapshot =>
                {
                    var found = StepOf(snapshot, click);
                    judged = click with
                    {
                        IgnoredClick = LinkScanners.Ignored(click, found is { } f ? Known(f.Step, inBatch) : inBatch),
                    };
                    return Task.FromResult(
                        found is var (lead, enrollment, step) && step.FirstClickAt is null && click.Url is { } url
                            ? CampaignEnrollment.With(
                                LeadChange.Updated(lead, snapshot.ETag),
                                enrollment.WithStep(
                                    step with
                                    {
                                        FirstClickAt = click.At,
                                        FirstClickLink = LinkScanners.LinkId(url),
                                    }
                                ),
                                null,
                                null
                            )
                            : null
                    );
                },
                cancellationToken
            );
        }

        return judged;
    }

    /// <summary>What the step adds to the batch: its delivery (or send) time and its first click.</summary>
    private static EmailClicks Known(StepRecord step, EmailClicks inBatch) =>
        new(
            step.DeliveredAt ?? inBatch.DeliveredAt ?? step.SentAt,
            step is { FirstClickAt: { } at, FirstClickLink: { } link }
                ? [.. inBatch.Clicks, new EmailClick(at, link)]
                : inBatch.Clicks
        );

    /// <summary>The step an event is about, when the lead is enrolled and the send is this step's.</summary>
    private static (Lead Lead, Enrollment Enrollment, StepRecord Step)? StepOf(
        LeadSnapshot snapshot,
        SendGridEvent sendGridEvent
    ) =>
        snapshot.Lead is { } lead
        && snapshot.EnrollmentIn(sendGridEvent.Campaign!) is { } enrollment
        && enrollment.Step(sendGridEvent.Step!) is { } step
        && (sendGridEvent.SendId is null || sendGridEvent.SendId == step.SendId)
            ? (lead, enrollment, step)
            : null;

    /// <summary>The step that sent <paramref name="sendId"/>, in whichever enrollment of the lead.</summary>
    private static (Lead Lead, Enrollment Enrollment, StepRecord Step)? StepOf(LeadSnapshot snapshot, string sendId) =>
        snapshot.Lead is { } lead
            ? snapshot
                .CampaignEnrollments.SelectMany(e =>
                    e.Steps.Where(s => s.SendId == sendId).Select(s => ((Lead, Enrollment, StepRecord)?)(lead, e, s))
                )
                .FirstOrDefault()
            : null;

    private static LeadChange? Decide(
        LeadSnapshot snapshot,
        (Lead Lead, Enrollment Enrollment, StepRecord Step)? found,
        SendGridEvent sendGridEvent
    ) =>
        Flag(
            snapshot,
            found,
            sendGridEvent.At,
            Metric(sendGridEvent),
            ConfirmsSend(sendGridEvent) ? sendGridEvent.Type : null
        );

    /// <summary>
    /// The step with <paramref name="metric"/>'s flag on (counted once) and, for an event that says SendGrid took the
    /// send (<paramref name="confirmedBy"/>), its claim confirmed or its uncertain send settled as sent; null when
    /// nothing changes.
    /// </summary>
    private static LeadChange? Flag(
        LeadSnapshot snapshot,
        (Lead Lead, Enrollment Enrollment, StepRecord Step)? found,
        DateTimeOffset at,
        CampaignMetric? metric,
        string? confirmedBy
    )
    {
        if (found is not var (lead, enrollment, step))
        {
            return null;
        }

        var (changed, counts, entry) = (step, new List<StatDelta>(), (TimelineEntry?)null);
        if (metric is { } flag && Flagged(changed, flag, at) is { } flagged)
        {
            (changed, entry) = (flagged, flag is CampaignMetric.Opened or CampaignMetric.Clicked ? Entry(flag) : null);
            counts.Add(StatDelta.Of(enrollment.CampaignId, step, flag));
        }

        if (confirmedBy is not null && changed.State == StepState.Uncertain)
        {
            // The sender died between its claim and SendGrid's answer; the event says the email went.
            changed = changed with
            {
                State = StepState.Sent,
                SentAt = at,
                Note = $"uncertain until SendGrid's {confirmedBy} event",
            };
            counts.Add(StatDelta.Of(enrollment.CampaignId, step, CampaignMetric.Uncertain, -1));
            counts.Add(StatDelta.Of(enrollment.CampaignId, step, CampaignMetric.Sent));
        }
        else if (confirmedBy is not null && changed is { State: StepState.Sending, ConfirmedAt: null })
        {
            changed = changed with { ConfirmedAt = at };
        }

        return changed == step
            ? null
            : CampaignEnrollment.With(
                LeadChange.Updated(lead, snapshot.ETag),
                enrollment.WithStep(changed),
                entry,
                null
            ) with
            {
                Counts = counts,
            };

        TimelineEntry Entry(CampaignMetric flag) =>
            new(
                $"campaign|{enrollment.Key}|{step.StepId}|{flag.ToString().ToLowerInvariant()}",
                at,
                TimelineKind.Campaign,
                $"{flag} email {step.StepId} of campaign {enrollment.CampaignId}"
            );
    }

    /// <summary>The step with the metric's flag turned on; null when it already was.</summary>
    private static StepRecord? Flagged(StepRecord step, CampaignMetric metric, DateTimeOffset at) =>
        metric switch
        {
            CampaignMetric.Delivered when !step.Delivered => step with { Delivered = true, DeliveredAt = at },
            CampaignMetric.Opened when !step.Opened => step with { Opened = true },
            CampaignMetric.Clicked when !step.Clicked => step with { Clicked = true },
            CampaignMetric.Bounced when !step.Bounced => step with { Bounced = true },
            CampaignMetric.Unsubscribed when !step.Unsubscribed => step with { Unsubscribed = true },
            CampaignMetric.SpamReports when !step.SpamReported => step with { SpamReported = true },
            _ => null,
        };
}
