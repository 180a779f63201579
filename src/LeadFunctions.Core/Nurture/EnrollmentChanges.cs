using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Nurture;

/// <summary>
/// The writes a nurture send makes to an enrollment, each with the lead row (whose ETag orders every write of the
/// partition) and the due index entry of whatever comes next.
/// </summary>
internal static class EnrollmentChanges
{
    public static LeadChange Write(
        LeadSnapshot snapshot,
        Lead lead,
        Enrollment enrollment,
        DueSend? next = null,
        IReadOnlyList<StatDelta>? counts = null,
        TimelineEntry? entry = null
    ) =>
        LeadChange.Updated(lead, snapshot.ETag, entry is null ? [] : [entry]) with
        {
            Enrollments = [enrollment],
            Schedule = next is null ? null : [next],
            Counts = counts,
        };

    /// <summary>The same step later: the enrollment and a new index entry move together.</summary>
    public static LeadChange Reschedule(
        LeadSnapshot snapshot,
        Enrollment enrollment,
        DateTimeOffset at,
        IReadOnlyList<StatDelta>? counts = null
    ) =>
        Write(
            snapshot,
            snapshot.Lead!,
            enrollment with
            {
                NextDueAt = at,
            },
            new DueSend(snapshot.LeadId, enrollment.CampaignId, enrollment.NextStepId!, at),
            counts
        );

    public static LeadChange Stop(LeadSnapshot snapshot, Enrollment enrollment, string reason) =>
        Write(
            snapshot,
            snapshot.Lead!,
            enrollment with
            {
                Status = EnrollmentStatus.Stopped,
                StopReason = reason,
                NextStepId = null,
                NextDueAt = null,
            }
        );

    /// <summary>The enrollment after a step was dealt with: the campaign's next step (as edited) scheduled, or
    /// completed.</summary>
    public static (Enrollment Enrollment, DueSend? Next) Advance(
        string leadId,
        Campaign? campaign,
        Enrollment enrollment
    )
    {
        if (campaign is not null && EnrollmentSteps.Next(campaign, enrollment) is var (step, dueAt))
        {
            return (
                enrollment with
                {
                    NextStepId = step.Id,
                    NextDueAt = dueAt,
                },
                new DueSend(leadId, campaign.Id, step.Id, dueAt)
            );
        }

        return (enrollment with { Status = EnrollmentStatus.Completed, NextStepId = null, NextDueAt = null }, null);
    }

    /// <summary>A step dealt with without a send (skipped, uncertain): recorded, counted, and the enrollment moves
    /// on.</summary>
    public static LeadChange Pass(
        LeadSnapshot snapshot,
        Campaign? campaign,
        Enrollment enrollment,
        StepRecord? record,
        IReadOnlyList<StatDelta>? counts = null
    )
    {
        var (advanced, next) = Advance(
            snapshot.LeadId,
            campaign,
            record is null ? enrollment : enrollment.WithStep(record)
        );
        return Write(snapshot, snapshot.Lead!, advanced, next, counts);
    }
}
