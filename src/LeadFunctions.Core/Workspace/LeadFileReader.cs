using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Timeline;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// What the lead page shows, read in a fixed number of storage reads whatever the number of leads. At first it is one
/// point read: the lead row carries its enrollments and its <see cref="RecentActivity"/> (the newest entries, events
/// and ledger rows, the stage moves and the latest score change), and the campaigns come from the catalog's cache.
/// Asked for more of the timeline, or for a lead whose row was written before it carried that digest, it reads the
/// consent ledger and the newest <see cref="MaxEntries"/> of the timeline as well (one query each, inside the
/// partition).
/// </summary>
public sealed class LeadFileReader(ILeadStore store, ICampaignCatalog campaigns)
{
    /// <summary>Timeline entries shown at first, and added by each "more".</summary>
    public const int PageOfEntries = RecentActivity.MaxEntries;

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

        var shown = Math.Clamp(entries, PageOfEntries, MaxEntries);
        var (consent, timeline, partial, olderConsent) =
            shown == PageOfEntries && snapshot.Recent is { } recent
                ? (
                    ConsentLedger.OldestFirst(recent.Consent),
                    EventEntries.Merged(recent.Entries, recent.Events),
                    recent.Partial,
                    recent.MayLeaveOutConsent
                )
                : (
                    await store.ReadConsentAsync(leadId, cancellationToken),
                    await store.ReadTimelineAsync(leadId, MaxEntries, cancellationToken),
                    false,
                    false
                );
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
            shown,
            enrollments,
            await campaigns.ActiveAsync(cancellationToken),
            partial,
            olderConsent
        );
    }
}

/// <summary>A lead as its page shows it. Stage history and the score's explanation are the timeline's own entries
/// (<see cref="TimelineKind.Stage"/>, <see cref="TimelineKind.Score"/>), among those read. <paramref name="Partial"/>:
/// what was read is a digest that left some out (a "more" reads everything); <paramref name="OlderConsent"/>: among
/// them consent ledger rows, older than those shown.</summary>
public sealed record LeadFile(
    Lead Lead,
    IReadOnlyList<ConsentRecord> Consent,
    IReadOnlyList<TimelineEntry> Timeline,
    int Shown,
    IReadOnlyList<EnrollmentInCampaign> Enrollments,
    IReadOnlyList<Campaign> ActiveCampaigns,
    bool Partial = false,
    bool OlderConsent = false
)
{
    /// <summary>The newest score change: what its fit and engagement came from.</summary>
    public TimelineEntry? LatestScore => Timeline.FirstOrDefault(e => e.Kind == TimelineKind.Score);

    public IReadOnlyList<TimelineEntry> StageHistory => [.. Timeline.Where(e => e.Kind == TimelineKind.Stage)];

    public IReadOnlyList<TimelineEntry> ShownEntries => [.. Timeline.Take(Shown)];

    /// <summary>Entries were read past those shown, or left out of the digest read: a "more" link shows them.</summary>
    public bool HasMore => Partial || Timeline.Count > Shown;
}

/// <summary>An enrollment with its campaign (null when the campaign is gone).</summary>
public sealed record EnrollmentInCampaign(Enrollment Enrollment, Campaign? Campaign);
