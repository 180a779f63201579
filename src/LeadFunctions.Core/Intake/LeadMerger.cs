using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Intake;

/// <summary>Merges a submission into the person's lead: one person, one lead, whatever the channel. Consent is the
/// ledger's (<see cref="SubmissionConsent"/>).</summary>
public static class LeadMerger
{
    public static Lead Merge(Lead? existing, LeadSubmission submission, DateTimeOffset now)
    {
        if (existing is null)
        {
            return new Lead
            {
                Id = LeadId.FromEmail(submission.Email),
                Email = submission.Email,
                FirstName = submission.FirstName,
                LastName = submission.LastName,
                Company = submission.Company,
                JobTitle = submission.JobTitle,
                Phone = submission.Phone,
                Country = submission.Country,
                Industry = submission.Industry,
                CompanySize = submission.CompanySize,
                Source = submission.Source,
                Stage = InitialStage(submission),
                RecipientType = submission.RecipientType ?? RecipientType.Individual,
                Language = submission.Language,
                ReferredBy = submission.ReferredBy,
                SourceDetail = submission.SourceDetail,
                CreatedAt = now,
                UpdatedAt = now,
                LastSubmittedAt = submission.ReceivedAt,
            };
        }

        // Newer non-empty fields win; a submission older than what is merged already only fills gaps
        // (a CSV import processed late must not overwrite what the person typed yesterday).
        var newer = submission.ReceivedAt >= existing.LastSubmittedAt;
        string? Pick(string? current, string? incoming) =>
            incoming is not null && (newer || current is null) ? incoming : current;

        return existing with
        {
            FirstName = Pick(existing.FirstName, submission.FirstName),
            LastName = Pick(existing.LastName, submission.LastName),
            Company = Pick(existing.Company, submission.Company),
            JobTitle = Pick(existing.JobTitle, submission.JobTitle),
            Phone = Pick(existing.Phone, submission.Phone),
            Country = Pick(existing.Country, submission.Country),
            Industry = Pick(existing.Industry, submission.Industry),
            CompanySize =
                submission.CompanySize is not null && (newer || existing.CompanySize is null)
                    ? submission.CompanySize
                    : existing.CompanySize,
            Stage = LifecycleStages.Furthest(existing.Stage, InitialStage(submission)),
            RecipientType = submission.RecipientType is { } type && newer ? type : existing.RecipientType,
            Language = Pick(existing.Language, submission.Language),
            ReferredBy = existing.ReferredBy ?? submission.ReferredBy,
            UpdatedAt = now,
            LastSubmittedAt = newer ? submission.ReceivedAt : existing.LastSubmittedAt,
        };
    }

    /// <summary>Someone who left only an email subscribed; anyone who told us more is a lead.</summary>
    private static LifecycleStage InitialStage(LeadSubmission submission) =>
        submission.FirstName is null
        && submission.LastName is null
        && submission.Company is null
        && submission.JobTitle is null
            ? LifecycleStage.Subscriber
            : LifecycleStage.Lead;
}
