using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// What the lead page shows, read in a fixed number of storage reads whatever the number of leads: the lead row with
/// its enrollments (one point read), its consent ledger and the newest <see cref="MaxEntries"/> of its timeline (one
/// query each, inside its partition), and the campaigns from the catalog's cache.
/// </summary>
public sealed class LeadFileReader(ILeadStore store, ICampaignCatalog campaigns)
{
    /// <summary>Timeline entries shown at first, and added by each "more".</summary>
    public const int PageOfEntries = 25;

    /// <summary>The most entries read, as the API's timeline (GET /api/leads/{id}/timeline); the export has
    /// all.</summary>
    public const int MaxEntries = 200;

    /// <param name="entries">How many timeline entries to show (bounded to <see cref="PageOfEntries"/> ..
    /// <see cref="MaxEntries"/>).</param>
    public async Task<LeadFile?> ReadAsync(string leadId, int entries, CancellationToken cancellationToken)
    {
        if (
            !LeadId.IsWellFormed(leadId)
            || await store.LoadLeadAsync(leadId, cancellationToken) is not { Lead: { } lead } snapshot
        )
        {
            return null;
        }

        var consent = await store.ReadConsentAsync(leadId, cancellationToken);
        var timeline = await store.ReadTimelineAsync(leadId, MaxEntries, cancellationToken);
        var enrollments = new List<EnrollmentInCampaign>();
        foreach (var enrollment in snapshot.CampaignEnrollments)
        {
            enrollments.Add(
                new EnrollmentInCampaign(
                    enrollment,
                    await campaigns.FindAsync(enrollment.CampaignId, cancellationToken)
                )
            );
        }

        return new LeadFile(
            lead,
            consent,
            timeline,
            Math.Clamp(entries, PageOfEntries, MaxEntries),
            enrollments,
            await campaigns.ActiveAsync(cancellationToken)
        );
    }
}

/// <summary>A lead as its page shows it. Stage history and the score's explanation are the timeline's own entries
/// (<see cref="TimelineKind.Stage"/>, <see cref="TimelineKind.Score"/>), among those read.</summary>
public sealed record LeadFile(
    Lead Lead,
    IReadOnlyList<ConsentRecord> Consent,
    IReadOnlyList<TimelineEntry> Timeline,
    int Shown,
    IReadOnlyList<EnrollmentInCampaign> Enrollments,
    IReadOnlyList<Campaign> ActiveCampaigns
)
{
    /// <summary>The newest score change: what its fit and engagement came from.</summary>
    public TimelineEntry? LatestScore => Timeline.FirstOrDefault(e => e.Kind == TimelineKind.Score);

    public IReadOnlyList<TimelineEntry> StageHistory => [.. Timeline.Where(e => e.Kind == TimelineKind.Stage)];

    public IReadOnlyList<TimelineEntry> ShownEntries => [.. Timeline.Take(Shown)];

    /// <summary>Entries were read past those shown: a "more" link shows them.</summary>
    public bool HasMore => Timeline.Count > Shown;
}

/// <summary>An enrollment with its campaign (null when the campaign is gone).</summary>
public sealed record EnrollmentInCampaign(Enrollment Enrollment, Campaign? Campaign);
