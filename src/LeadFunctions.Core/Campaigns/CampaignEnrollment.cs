using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// How an enrollment starts and how any change to one joins a lead change: one place for both, used by
/// the triggers (<see cref="NurturePlanner"/>) and by hand enrollment (<see cref="HandEnrollment"/>).
/// </summary>
public static class CampaignEnrollment
{
    /// <summary>Whether <paramref name="lead"/> may enter <paramref name="campaign"/> now: the audience matches and no
    /// stop condition holds already.</summary>
    public static bool Admits(Campaign campaign, Lead lead, IReadOnlyList<string> eventTypes) =>
        campaign.Audience.Matches(lead) && campaign.StopWhen.ReasonFor(lead.Stage, eventTypes) is null;

    /// <summary>Whether the lead, whose enrollment in the campaign so far is <paramref name="previous"/>, may start one
    /// now: never in it, or (the campaign letting people enter again) the last one ended and began at least the
    /// campaign's period ago.</summary>
    public static bool MayEnter(Campaign campaign, Enrollment? previous, DateTimeOffset now) =>
        previous is null
        || (
            campaign.Reenter is { } reenter
            && previous.Status != EnrollmentStatus.Active
            && now - previous.EnrolledAt >= reenter.After
        );

    /// <summary>
    /// Adds a new enrollment of the change's lead to <paramref name="change"/>, in place of <paramref name="previous"/>
    /// (an ended one the lead enters again after): the row, its first step in the due index, a timeline entry (its id
    /// names the campaign and the entry, so a second start would be seen as a replay) and
    /// the Enrolled counter (with the branches a journey's first conditions took); the dates of the events that started
    /// it go with it (<see cref="EnrollmentDates"/>). A campaign with no step left is
    /// completed at once.
    /// </summary>
    public static LeadChange Start(
        LeadChange change,
        Campaign campaign,
        string reason,
        DateTimeOffset now,
        Func<TimeZoneInfo> zoneOf,
        IReadOnlyDictionary<string, DateTimeOffset>? dates = null,
        Enrollment? previous = null
    )
    {
        var enrollment = new Enrollment
        {
            CampaignId = campaign.Id,
            EnrolledAt = now,
            Reason = reason,
            Dates = dates,
            Reentries = previous is null ? 0 : previous.Reentries + 1,
        };
        var moved = EnrollmentSteps.Advance(campaign, enrollment, change.Lead!, null, now, zoneOf);
        var entry = new TimelineEntry(
            $"campaign|{enrollment.Key}|enrolled",
            now,
            TimelineKind.Campaign,
            $"Enrolled in campaign {campaign.Name} ({reason}{(previous is null ? "" : ", again")})"
        );
        return With(
            change,
            moved.Enrollment,
            entry,
            [new StatDelta(campaign.Id, null, CampaignMetric.Enrolled), .. moved.Counts],
            moved.Next
        );
    }

    /// <summary>
    /// <paramref name="change"/> with <paramref name="enrollment"/> written (replacing an earlier version of it in the
    /// same change) and the entry, counters and due send that go with it.
    /// </summary>
    public static LeadChange With(
        LeadChange change,
        Enrollment enrollment,
        TimelineEntry? entry,
        IReadOnlyList<StatDelta>? counts,
        DueSend? due = null
    ) =>
        change with
        {
            Enrollments = [.. (change.Enrollments ?? []).Where(e => e.CampaignId != enrollment.CampaignId), enrollment],
            Entries = entry is null ? change.Entries : [.. change.Entries, entry],
            Counts = counts is null or [] ? change.Counts : [.. change.Counts ?? [], .. counts],
            Schedule = due is null ? change.Schedule : [.. change.Schedule ?? [], due],
        };

    /// <summary>The enrollment as this change leaves it: the change's own version (a sender's write) or the one
    /// read.</summary>
    public static Enrollment? Current(LeadSnapshot snapshot, LeadChange change, string campaignId) =>
        change.Enrollments?.FirstOrDefault(e => e.CampaignId == campaignId) ?? snapshot.EnrollmentIn(campaignId);
}
