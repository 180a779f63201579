using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// Which step of the campaign as it is now comes next for an enrollment. Steps are known by id, so an edited
/// campaign never sends a step twice: a step already dealt with is never next again, a removed step is passed
/// over, and a new step is reached only by enrollments not yet past its place.
/// </summary>
public static class EnrollmentSteps
{
    /// <summary>
    /// The first step after the furthest step (in the campaign's order) this enrollment has dealt with, and when
    /// it falls due: its delay after the last send (or claim), or after enrollment for the first. Null when none is
    /// left.
    /// </summary>
    public static (CampaignStep Step, DateTimeOffset DueAt)? Next(Campaign campaign, Enrollment enrollment)
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
            return null;
        }

        var lastSend = enrollment.Steps.Select(s => s.SentAt ?? s.ClaimedAt).Where(at => at is not null).Max();
        return (next, (lastSend ?? enrollment.EnrolledAt) + next.Delay);
    }
}
