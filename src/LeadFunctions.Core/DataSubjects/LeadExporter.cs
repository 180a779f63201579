using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Webinars;

namespace LeadFunctions.Core.DataSubjects;

/// <summary>
/// Gathers everything held about a person (KVKK art. 11, GDPR art. 15) once, for both ways out: the API's export
/// (GET /api/leads/{id}/export) and the workspace's download, so the two can never hold different things.
/// </summary>
public sealed class LeadExporter(ILeadStore store, IDataSubjectRecords records, TimeProvider time)
{
    /// <summary>The lead, its whole timeline, events, webinar registrations, consent ledger, enrollments and the rows
    /// about the person in the other tables; null when there is no such lead.</summary>
    public async Task<PersonalData?> ExportAsync(string leadId, CancellationToken cancellationToken)
    {
        if (
            !LeadId.IsWellFormed(leadId)
            || await store.LoadAsync(leadId, cancellationToken) is not { Lead: { } lead } snapshot
        )
        {
            return null;
        }

        var timeline = await store.ReadTimelineAsync(leadId, int.MaxValue, cancellationToken);
        var consent = await store.ReadConsentAsync(leadId, cancellationToken);
        var held = await records.FindAsync(lead, cancellationToken);
        return new PersonalData(
            time.GetUtcNow(),
            lead,
            timeline,
            snapshot.Events,
            Registration.Of(snapshot.Events),
            consent,
            snapshot.CampaignEnrollments,
            held
        );
    }
}

/// <summary>What <see cref="LeadExporter"/> found, as of <paramref name="ExportedAt"/>.</summary>
public sealed record PersonalData(
    DateTimeOffset ExportedAt,
    Lead Lead,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<EngagementEvent> Events,
    IReadOnlyList<Registration> Webinars,
    IReadOnlyList<ConsentRecord> Consent,
    IReadOnlyList<Enrollment> Enrollments,
    IReadOnlyList<HeldRecord> Records
);
