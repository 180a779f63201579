using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// What a lead change means for the campaigns, decided in the same write: enrollments a trigger starts (stage entered,
/// event, created from a source) for an audience that matches, enrollments a stop condition ends, waits woken by what
/// they wait for, and conversions (SQL or later after enrolling) counted once. Written with the lead row under its
/// ETag, so two processors deciding the same enrollment at once cannot both succeed, and a redelivery finds it already
/// made.
/// </summary>
public sealed class NurturePlanner(ICampaignCatalog campaigns, IRecipientTimeZones zones, TimeProvider time)
    : ILeadChangeSubscriber
{
    public string Name => LeadChangeSubscribers.NurturePlanning;

    public ValueTask<LeadChange> CompleteAsync(
        LeadSnapshot snapshot,
        LeadChange change,
        CancellationToken cancellationToken
    ) => PlanAsync(snapshot, change, cancellationToken);

    public async ValueTask<LeadChange> PlanAsync(
        LeadSnapshot snapshot,
        LeadChange change,
        CancellationToken cancellationToken
    )
    {
        if (change.Lead is not { } lead)
        {
            return change;
        }

        // Every rule here needs a stage entered (a new lead enters its first), an event or (for a wait on a score) a
        // new score: most writes (a send, a consent change) have none and cost nothing.
        LifecycleStage? entered = snapshot.Lead?.Stage == lead.Stage ? null : lead.Stage;
        var rescored = snapshot.Lead is { } before && before.Score.Total != lead.Score.Total;

        // Events kept before the person was a lead (a webinar registration's event can come before its lead) count
        // from the moment they become one: as this change's own.
        IReadOnlyList<EngagementEvent> events = snapshot.Lead is null
            ? [.. snapshot.Events, .. change.NewEvents]
            : change.NewEvents;
        if (entered is null && events.Count == 0 && !rescored)
        {
            return change;
        }

        var now = time.GetUtcNow();
        var eventTypes = events.Select(e => e.Type).Distinct(StringComparer.Ordinal).ToList();
        foreach (var existing in snapshot.CampaignEnrollments)
        {
            if (
                CampaignEnrollment.Current(snapshot, change, existing.CampaignId) is { } enrollment
                && await campaigns.FindAsync(enrollment.CampaignId, cancellationToken) is { } campaign
            )
            {
                change = Stop(change, campaign, enrollment, entered, eventTypes, now);
                change = Convert(change, CampaignEnrollment.Current(snapshot, change, campaign.Id)!, entered);
                change = Wake(
                    change,
                    campaign,
                    CampaignEnrollment.Current(snapshot, change, campaign.Id)!,
                    lead,
                    events,
                    now
                );
            }
        }

        foreach (var campaign in await campaigns.ActiveAsync(cancellationToken))
        {
            if (
                CampaignEnrollment.Current(snapshot, change, campaign.Id) is var previous
                && CampaignEnrollment.MayEnter(campaign, previous, now)
                && Trigger(campaign.Trigger, entered, snapshot.Lead is null, lead, eventTypes) is { } reason
                && CampaignEnrollment.Admits(campaign, lead, eventTypes)
            )
            {
                change = CampaignEnrollment.Start(
                    change,
                    campaign,
                    reason,
                    now,
                    () => zones.ZoneOf(lead),
                    EnrollmentDates.From(events),
                    previous
                );
            }
        }

        return change;
    }

    /// <summary>The first trigger that fires in this change, as the enrollment's reason; null when none does.</summary>
    private static string? Trigger(
        CampaignTrigger trigger,
        LifecycleStage? entered,
        bool created,
        Lead lead,
        IReadOnlyList<string> eventTypes
    )
    {
        if (entered is { } stage && trigger.StageEntered.Contains(stage))
        {
            return "stage:" + stage.ToApiName();
        }

        if (eventTypes.FirstOrDefault(trigger.Events.Contains) is { } type)
        {
            return "event:" + type;
        }

        return created && trigger.Sources.Contains(lead.Source, StringComparer.OrdinalIgnoreCase)
            ? "source:" + lead.Source
            : null;
    }

    private static LeadChange Stop(
        LeadChange change,
        Campaign campaign,
        Enrollment enrollment,
        LifecycleStage? entered,
        IReadOnlyList<string> eventTypes,
        DateTimeOffset now
    )
    {
        if (enrollment.Status != EnrollmentStatus.Active)
        {
            return change;
        }

        if (campaign.StopWhen.ReasonFor(entered, eventTypes) is not { } reason)
        {
            return change;
        }

        // The due index may still hold the next step: the sender finds the enrollment stopped and drops it.
        var stopped = enrollment with
        {
            Status = EnrollmentStatus.Stopped,
            StopReason = reason,
            NextStepId = null,
            NextDueAt = null,
        };
        var entry = new TimelineEntry(
            $"campaign|{enrollment.Key}|stopped",
            now,
            TimelineKind.Campaign,
            $"Campaign {campaign.Name} stopped ({reason})"
        );
        return CampaignEnrollment.With(change, stopped, entry, null);
    }

    /// <summary>A wait woken by what this change brings (an event, a stage, a score) moves on in the same write, with
    /// its next step in the due index: the step goes seconds after the event, not at the wait's timeout.</summary>
    private LeadChange Wake(
        LeadChange change,
        Campaign campaign,
        Enrollment enrollment,
        Lead lead,
        IReadOnlyList<EngagementEvent> events,
        DateTimeOffset now
    ) =>
        EnrollmentSteps.Wake(campaign, enrollment, lead, events, now, () => zones.ZoneOf(lead)) is { } woken
            ? CampaignEnrollment.With(change, woken.Enrollment, null, woken.Counts, woken.Next)
            : change;

    /// <summary>Reaching SQL or later counts once per enrollment, whatever its status: a stopped or finished nurture
    /// still gets the credit.</summary>
    private static LeadChange Convert(LeadChange change, Enrollment enrollment, LifecycleStage? entered) =>
        entered is LifecycleStage.Sql or LifecycleStage.Opportunity or LifecycleStage.Customer && !enrollment.Converted
            ? CampaignEnrollment.With(
                change,
                enrollment with
                {
                    Converted = true,
                },
                null,
                [new StatDelta(enrollment.CampaignId, null, CampaignMetric.Converted)]
            )
            : change;
}

/// <summary>
/// Indexes a change's due sends (<see cref="LeadChange.Schedule"/>) before each attempt to save it: an entry whose
/// write then fails finds no enrollment and is dropped, so the index never lags the enrollments.
/// </summary>
public sealed class DueSendSubscriber(IDueSendIndex dueSends) : ILeadChangeSubscriber
{
    public string Name => LeadChangeSubscribers.DueSendIndex;

    public Task BeforeSaveAsync(LeadChange change, CancellationToken cancellationToken) =>
        change.Schedule is { Count: > 0 } schedule
            ? dueSends.AddAsync(schedule, cancellationToken)
            : Task.CompletedTask;
}

/// <summary>
/// Adds what a saved change counts (<see cref="LeadChange.Counts"/>) to the campaign stats, once: a repeat counts
/// nothing.
/// </summary>
public sealed class CampaignStatsSubscriber(ICampaignStats stats) : ILeadChangeSubscriber
{
    public string Name => LeadChangeSubscribers.CampaignStats;

    public Task AfterSaveAsync(
        LeadUpdater updater,
        LeadSnapshot before,
        LeadChange change,
        CancellationToken cancellationToken
    ) => change.Counts is { Count: > 0 } counts ? stats.AddAsync(counts, cancellationToken) : Task.CompletedTask;
}
