using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Intake;

/// <summary>The ledger row a submission's ticked consent box makes: a grant, or a pending one where double opt-in
/// applies.</summary>
public static class SubmissionConsent
{
    public static ConsentRecord? RecordFor(
        LeadSubmission submission,
        string? countryCode,
        DoubleOptInPolicy doubleOptIn
    )
    {
        if (!submission.ConsentEmail)
        {
            return null;
        }

        return new ConsentRecord
        {
            Id = $"submission-{submission.SubmissionId}",
            Action = doubleOptIn.Requires(submission.Source, countryCode)
                ? ConsentAction.Pending
                : ConsentAction.Granted,
            At = submission.ReceivedAt,
            Source = submission.ConsentSource,
            RecipientType = submission.RecipientType ?? RecipientType.Individual,
            Ip = submission.ConsentIp,
            UserAgent = submission.ConsentUserAgent,
            Text = submission.ConsentText,
            Evidence = $"submission {submission.SubmissionId} ({submission.Source})",
        };
    }
}
