using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// Where an enrollment goes after a step, in the campaign as it is now. Steps are known by id, so an edited campaign
/// never sends a step twice. A straight-line campaign takes the first step below the furthest one dealt with (a removed
/// step is passed over; a new one is reached only by enrollments not yet past its place). A journey
/// (<see cref="Journeys.IsJourney"/>) follows the branch the step took: conditions are decided on the way, a wait stops
/// the flow until it is woken or times out, and an email already dealt with in this enrollment is passed over, so a
/// loop never sends one twice.
/// </summary>
public static class EnrollmentSteps
{
    /// <summary>
    /// The enrollment moved on from <paramref name="from"/> (the step just dealt with; null at enrollment): its next
    /// step and when it falls due (after its delay), or completed when none is left. Straight line: the delay counts
    /// from the last send (or claim), or from enrollment for the first; journey: from <paramref name="now"/>.
    /// </summary>
    public static Moved Advance(
        Campaign? campaign,
        Enrollment enrollment,
        Lead lead,
        string? from,
        DateTimeOffset now,
        Func<TimeZoneInfo> zoneOf
    )
    {
        if (campaign is null || campaign.Steps.Count == 0)
        {
            return Completed(enrollment, []);
        }

        if (!campaign.IsJourney())
        {
            return Straight(campaign, enrollment, lead.Id, now, zoneOf, []);
        }

        var start = from is null ? campaign.Steps[0].Id : After(campaign, enrollment, from);
        return Resolve(campaign, enrollment, lead, start, new Clock(now, zoneOf), []);
    }

    /// <summary>
    /// The enrollment woken from the wait it is on, when what it waits for has come: one of <paramref name="events"/>
    /// (recorded in this change, done since the wait began; one its <see cref="StepWait.On"/> names takes its own
    /// branch), or the person as the wait wants them; else null.
    /// </summary>
    public static Moved? Wake(
        Campaign campaign,
        Enrollment enrollment,
        Lead lead,
        IEnumerable<EngagementEvent> events,
        DateTimeOffset now,
        Func<TimeZoneInfo> zoneOf
    ) =>
        WaitOf(campaign, enrollment) is { Wait: { } wait } step
        && wait.BranchFor(lead, enrollment, events, enrollment.Step(step.Id)?.ClaimedAt ?? enrollment.EnrolledAt)
            is { } branch
            ? Pass(campaign, enrollment, lead, step, branch, new Clock(now, zoneOf))
            : null;

    /// <summary>The enrollment on from the wait it is on by its timeout branch; null when it is on no wait.</summary>
    public static Moved? TimeOut(
        Campaign campaign,
        Enrollment enrollment,
        Lead lead,
        DateTimeOffset now,
        Func<TimeZoneInfo> zoneOf
    ) =>
        WaitOf(campaign, enrollment) is { } step
            ? Pass(campaign, enrollment, lead, step, Journeys.Timeout, new Clock(now, zoneOf))
            : null;

    /// <summary>The step skipped as missed: its time had passed (<see cref="StepTimes"/>).</summary>
    public static StepRecord Missed(CampaignStep step, DateTimeOffset now) =>
        new()
        {
            StepId = step.Id,
            State = StepState.Skipped,
            PassedAt = now,
            Note = "missed: its time had passed when the enrollment reached it",
        };

    /// <summary>The wait step the active enrollment is on, if it is on one.</summary>
    public static CampaignStep? WaitOf(Campaign campaign, Enrollment enrollment) =>
        enrollment is { Status: EnrollmentStatus.Active, NextStepId: { } at }
            ? campaign.Steps.FirstOrDefault(s => s.Id == at && s.Wait is not null)
            : null;

    /// <summary>Only a step timed relative to a date is missed when its time has passed; any other goes late rather
    /// than never.</summary>
    private static bool Past(CampaignStep step, DateTimeOffset dueAt, DateTimeOffset now) =>
        step.At?.RelativeTo is not null && dueAt < now;

    private static Moved Straight(
        Campaign campaign,
        Enrollment enrollment,
        string leadId,
        DateTimeOffset now,
        Func<TimeZoneInfo> zoneOf,
        List<StatDelta> counts
    )
    {
        var dealtWith = enrollment.Steps.Select(s => s.StepId).ToHashSet(StringComparer.Ordinal);
        var furthest = -1;
        for (var i = 0; i < campaign.Steps.Count; i++)
        {
            if (dealtWith.Contains(campaign.Steps[i].Id))
            {
                furthest = i;
            }
        }

        var next = campaign.Steps.Skip(furthest + 1).FirstOrDefault(s => !dealtWith.Contains(s.Id));
        if (next is null)
        {
            return Completed(enrollment, counts);
        }

        var lastSend = enrollment.Steps.Select(s => s.SentAt ?? s.ClaimedAt).Where(at => at is not null).Max();
        if (
            StepTimes.DueAt(next, lastSend ?? enrollment.EnrolledAt, enrollment, zoneOf) is { } dueAt
            && !Past(next, dueAt, now)
        )
        {
            return Due(campaign, enrollment, leadId, next, dueAt, counts);
        }

        counts.Add(new StatDelta(campaign.Id, next.Id, CampaignMetric.Missed));
        return Straight(campaign, enrollment.WithStep(Missed(next, now)), leadId, now, zoneOf, counts);
    }

    /// <summary>The target after <paramref name="from"/> by the branch its record took; for a step an edit removed,
    /// after the last step dealt with that is still there.</summary>
    private static string After(Campaign campaign, Enrollment enrollment, string from)
    {
        if (campaign.Steps.FirstOrDefault(s => s.Id == from) is { } step)
        {
            return Journeys.Successor(campaign.Steps, step, enrollment.Step(from)?.Branch);
        }

        var last = enrollment
            .Steps.Select(r => (Record: r, Step: campaign.Steps.FirstOrDefault(s => s.Id == r.StepId)))
            .LastOrDefault(x => x.Step is not null);
        return last.Step is { } kept
            ? Journeys.Successor(campaign.Steps, kept, last.Record.Branch)
            : campaign.Steps[0].Id;
    }

    /// <summary>From <paramref name="target"/> to the first step that waits (an email's delay, a wait), deciding
    /// conditions and waits that already hold on the way; completed at the end, or on a loop with nothing left to
    /// send (back at a step of this pass, or at a wait with no email sent since it was last passed).</summary>
    private static Moved Resolve(
        Campaign campaign,
        Enrollment enrollment,
        Lead lead,
        string target,
        Clock clock,
        List<StatDelta> counts
    )
    {
        var now = clock.Now;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (seen.Add(target) && campaign.Steps.FirstOrDefault(s => s.Id == target) is { } step)
        {
            string? branch = step switch
            {
                { Condition: { } condition } => condition.If.HoldsFor(lead, enrollment) ? Journeys.Then : Journeys.Else,
                { Wait: { } wait } when wait.Until.HoldsFor(lead, enrollment) => Journeys.Then,
                _ => null,
            };
            if (branch is not null)
            {
                enrollment = enrollment.WithStep(Passed(enrollment, step, branch, now));
                counts.Add(Count(campaign, step, branch));
                target = Journeys.Successor(campaign.Steps, step, branch);
            }
            else if (step.Wait is not null && !SentSinceItsLastPass(enrollment, step))
            {
                // Back at a wait with no email sent since it was last passed: it could only wait again for the same
                // thing, for ever.
                break;
            }
            else if (step.Wait is { } wait)
            {
                var waiting = new StepRecord
                {
                    StepId = step.Id,
                    State = StepState.Waiting,
                    ClaimedAt = now,
                };
                return Due(campaign, enrollment.WithStep(waiting), lead.Id, step, now + wait.AtMost, counts);
            }
            else if (enrollment.Step(step.Id) is not null)
            {
                target = Journeys.Successor(campaign.Steps, step, null);
            }
            else if (StepTimes.DueAt(step, now, enrollment, clock.ZoneOf) is { } dueAt && !Past(step, dueAt, now))
            {
                return Due(campaign, enrollment, lead.Id, step, dueAt, counts);
            }
            else
            {
                enrollment = enrollment.WithStep(Missed(step, now));
                counts.Add(new StatDelta(campaign.Id, step.Id, CampaignMetric.Missed));
                target = Journeys.Successor(campaign.Steps, step, null);
            }
        }

        return Completed(enrollment, counts);
    }

    private static bool SentSinceItsLastPass(Enrollment enrollment, CampaignStep wait) =>
        enrollment.Step(wait.Id) is not { State: StepState.Passed, PassedAt: { } passed }
        || enrollment.Steps.Any(r =>
            r.State is StepState.Sent or StepState.Sending or StepState.Uncertain && (r.SentAt ?? r.ClaimedAt) > passed
        );

    private static Moved Pass(
        Campaign campaign,
        Enrollment enrollment,
        Lead lead,
        CampaignStep step,
        string branch,
        Clock clock
    ) =>
        Resolve(
            campaign,
            enrollment.WithStep(Passed(enrollment, step, branch, clock.Now)),
            lead,
            Journeys.Successor(campaign.Steps, step, branch),
            clock,
            [Count(campaign, step, branch)]
        );

    private static StepRecord Passed(Enrollment enrollment, CampaignStep step, string branch, DateTimeOffset now) =>
        new()
        {
            StepId = step.Id,
            State = StepState.Passed,
            Branch = branch,
            ClaimedAt = step.Wait is null ? null : enrollment.Step(step.Id)?.ClaimedAt ?? now,
            PassedAt = now,
        };

    /// <summary>The branch counted on its step: then, else, timed out, or (a wait's <see cref="StepWait.On"/>) by
    /// its event.</summary>
    private static StatDelta Count(Campaign campaign, CampaignStep step, string branch) =>
        branch switch
        {
            Journeys.Then => new(campaign.Id, step.Id, CampaignMetric.Then),
            Journeys.Else => new(campaign.Id, step.Id, CampaignMetric.Else),
            Journeys.Timeout => new(campaign.Id, step.Id, CampaignMetric.TimedOut),
            _ => new(campaign.Id, step.Id, CampaignMetric.On) { Branch = branch },
        };

    private static Moved Due(
        Campaign campaign,
        Enrollment enrollment,
        string leadId,
        CampaignStep step,
        DateTimeOffset dueAt,
        List<StatDelta> counts
    ) =>
        new(
            enrollment with
            {
                NextStepId = step.Id,
                NextDueAt = dueAt,
            },
            new DueSend(leadId, campaign.Id, step.Id, dueAt),
            counts
        );

    private static Moved Completed(Enrollment enrollment, List<StatDelta> counts) =>
        new(enrollment with { Status = EnrollmentStatus.Completed, NextStepId = null, NextDueAt = null }, null, counts);
}

/// <summary>The time of a move and the person's zone (asked for only by a time people mean).</summary>
internal readonly record struct Clock(DateTimeOffset Now, Func<TimeZoneInfo> ZoneOf);

/// <summary>An enrollment as a move leaves it, the due index entry of its next step (none when completed) and the
/// branches counted on the way.</summary>
public sealed record Moved(Enrollment Enrollment, DueSend? Next, IReadOnlyList<StatDelta> Counts);
