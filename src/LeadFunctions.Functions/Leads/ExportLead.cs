using LeadFunctions.Core.DataSubjects;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Consent;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadFunctions.Functions.Leads;

/// <summary>
/// GET /api/leads/{id}/export: everything held about the person (KVKK art. 11, GDPR art. 15) as one JSON document — the
/// lead, its whole timeline, engagement events, webinar registrations, consent ledger, campaign enrollments with every
/// email sent, and the rows about them in the other tables (CRM records, referrals, SendGrid events, webinar
/// registrations, the İYS change log, a suppression).
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "get",
    Route = "leads/{id}/export",
    Summary = "Data-subject export (KVKK/GDPR): the lead, its timeline, events, consent ledger, enrollments and "
        + "every row about the person."
)]
public sealed class ExportLead(LeadExporter exporter)
{
    public async Task<Results<Ok<LeadExport>, ProblemHttpResult>> RunAsync(
        HttpRequest request,
        string id,
        CancellationToken cancellationToken
    ) =>
        await exporter.ExportAsync(id, cancellationToken) is { } data
            ? TypedResults.Ok(LeadExport.From(data))
            : Problems.NotFound("The lead");
}

public sealed record LeadExport(
    DateTimeOffset ExportedAt,
    LeadView Lead,
    string? ReferredBy,
    IReadOnlyList<TimelineEntryView> Timeline,
    IReadOnlyList<EngagementEvent> Events,
    IReadOnlyList<Registration> Webinars,
    IReadOnlyList<ConsentRecordView> Consent,
    IReadOnlyList<Enrollment> Enrollments,
    IReadOnlyList<HeldRecord> Records
)
{
    /// <summary>The export's JSON shape (docs/reference.md), the same for the API and the workspace's
    /// download.</summary>
    public static LeadExport From(PersonalData data) =>
        new(
            data.ExportedAt,
            LeadView.From(data.Lead),
            data.Lead.ReferredBy,
            [.. data.Timeline.Select(TimelineEntryView.From)],
            data.Events,
            data.Webinars,
            [.. data.Consent.Select(ConsentRecordView.From)],
            data.Enrollments,
            data.Records
        );
}
