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

    /// <summary>A step dealt with without a send (skipped, uncertain, a wait timed out): recorded, counted, and the
    /// enrollment moves on.</summary>
    public static LeadChange Pass(
        LeadSnapshot snapshot,
        Campaign? campaign,
        Enrollment enrollment,
        StepRecord? record,
        DateTimeOffset now,
        Func<TimeZoneInfo> zoneOf,
        IReadOnlyList<StatDelta>? counts = null
    ) =>
        Moved(
            snapshot,
            snapshot.Lead!,
            EnrollmentSteps.Advance(
                campaign,
                record is null ? enrollment : enrollment.WithStep(record),
                snapshot.Lead!,
                record?.StepId ?? enrollment.NextStepId,
                now,
                zoneOf
            ),
            counts
        );

    /// <summary>The enrollment as <paramref name="moved"/> leaves it, with its next step due, the branches it took
    /// and <paramref name="counts"/> counted.</summary>
    public static LeadChange Moved(
        LeadSnapshot snapshot,
        Lead lead,
        Moved moved,
        IReadOnlyList<StatDelta>? counts = null,
        TimelineEntry? entry = null
    ) => Write(snapshot, lead, moved.Enrollment, moved.Next, [.. counts ?? [], .. moved.Counts], entry);
}
