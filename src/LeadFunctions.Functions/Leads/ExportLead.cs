using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.DataSubjects;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Consent;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadFunctions.Functions.Leads;

/// <summary>
/// GET /api/leads/{id}/export: everything held about the person (KVKK art. 11, GDPR art. 15) as one JSON document — the
/// lead, its whole timeline, engagement events, consent ledger, campaign enrollments with every email sent, and the
/// rows about them in the other tables (CRM records, referrals, SendGrid events, the İYS change log, a suppression).
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "get",
    Route = "leads/{id}/export",
    Summary = "Data-subject export (KVKK/GDPR): the lead, its timeline, events, consent ledger, enrollments and "
        + "every row about the person."
)]
public sealed class ExportLead(ILeadStore store, IDataSubjectRecords records, TimeProvider time)
{
    public async Task<Results<Ok<LeadExport>, ProblemHttpResult>> RunAsync(
        HttpRequest request,
        string id,
        CancellationToken cancellationToken
    )
    {
        if (!LeadId.IsWellFormed(id) || await store.LoadAsync(id, cancellationToken) is not { Lead: { } lead } snapshot)
        {
            return Problems.NotFound("The lead");
        }

        var timeline = await store.ReadTimelineAsync(id, int.MaxValue, cancellationToken);
        var consent = await store.ReadConsentAsync(id, cancellationToken);
        var held = await records.FindAsync(lead, cancellationToken);
        return TypedResults.Ok(
            new LeadExport(
                time.GetUtcNow(),
                LeadView.From(lead),
                lead.ReferredBy,
                [.. timeline.Select(TimelineEntryView.From)],
                snapshot.Events,
                [.. consent.Select(ConsentRecordView.From)],
                snapshot.CampaignEnrollments,
                held
            )
        );
    }
}

public sealed record LeadExport(
    DateTimeOffset ExportedAt,
    LeadView Lead,
    string? ReferredBy,
    IReadOnlyList<TimelineEntryView> Timeline,
    IReadOnlyList<EngagementEvent> Events,
    IReadOnlyList<ConsentRecordView> Consent,
    IReadOnlyList<Enrollment> Enrollments,
    IReadOnlyList<HeldRecord> Records
);
