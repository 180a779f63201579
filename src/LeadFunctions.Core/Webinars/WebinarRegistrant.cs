using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Webinars;

/// <summary>
/// Which of a registrant's fields count. A registrant is refused only for a missing or invalid email or
/// webinar id (or a title that is not plain text).
/// </summary>
public static class WebinarRegistrant
{
    public const string Source = "webinar";

    /// <summary>The registrant as a lead submission with source "webinar" and the webinar recorded, or what is
    /// wrong.</summary>
    public static ValidationResult<LeadSubmission> Validate(
        Webinar webinar,
        LeadForm registrant,
        DateTimeOffset receivedAt
    )
    {
        var form = registrant with { Source = Source };
        var submissionId = $"{webinar.Platform}-{webinar.RegistrationId(registrant.Email)}";
        var validation = LeadFormValidator.Validate(form, submissionId, receivedAt);
        if (validation.Value is null && !validation.Errors.ContainsKey(LeadFormFields.Email))
        {
            validation = LeadFormValidator.Validate(
                WithoutFields(form, validation.Errors.Keys),
                submissionId,
                receivedAt
            );
        }

        var errors = webinar.Validate();
        if (validation.Value is not { } submission || errors is not null)
        {
            return ValidationResult.Failure<LeadSubmission>(
                errors is null ? validation.Errors : validation.Errors.Concat(errors).ToDictionary()
            );
        }

        return ValidationResult.Success(
            submission with
            {
                SourceDetail = webinar.Detail(),
                ConsentSource = ConsentSource.Webinar,
            }
        );
    }

    /// <summary>
    /// A registrant with a valid email is kept even when the platform filled another field oddly (a phone
    /// "n/a", a size we cannot read): that field is dropped, not the person, as the platform would only
    /// send the same delivery again.
    /// </summary>
    private static LeadForm WithoutFields(LeadForm form, IEnumerable<string> fields) =>
        fields.Aggregate(form, (f, field) => field switch
            {
                LeadFormFields.FirstName => f with { FirstName = null },
                LeadFormFields.LastName => f with { LastName = null },
                LeadFormFields.Phone => f with { Phone = null },
                LeadFormFields.Company => f with { Company = null },
                LeadFormFields.JobTitle => f with { JobTitle = null },
                LeadFormFields.Country => f with { Country = null },
                LeadFormFields.Industry => f with { Industry = null },
                LeadFormFields.CompanySize => f with { CompanySize = null },
                _ => f,
            });
}
