using System.Text.RegularExpressions;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Intake;

/// <summary>Turns a web form into a <see cref="LeadSubmission"/>, or says field by field what is wrong.</summary>
public static partial class LeadFormValidator
{
    public static ValidationResult<LeadSubmission> Validate(
        LeadForm form,
        string submissionId,
        DateTimeOffset receivedAt
    )
    {
        var errors = new FieldErrors();
        var email = errors.Text(LeadFormFields.Email, form.Email, 254);
        string normalizedEmail = string.Empty;
        if (email is null)
        {
            errors.Add(LeadFormFields.Email, "Required.");
        }
        else if (!EmailAddress.TryNormalize(email, out normalizedEmail))
        {
            errors.Add(LeadFormFields.Email, "Not a valid email address.");
        }

        var phone = errors.Text(LeadFormFields.Phone, form.Phone, 32);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            errors.Add(LeadFormFields.Phone, "Not a phone number.");
        }

        var source = errors.Text(LeadFormFields.Source, form.Source, 50)?.ToLowerInvariant() ?? LeadSources.Default;
        if (!LeadSources.IsValid(source))
        {
            errors.Add(LeadFormFields.Source, LeadSources.Rule);
        }

        var pageUrl = errors.Text(LeadFormFields.PageUrl, form.PageUrl, 2048);
        if (
            pageUrl is not null
            && !(Uri.TryCreate(pageUrl, UriKind.Absolute, out var page) && page.Scheme is "http" or "https")
        )
        {
            errors.Add(LeadFormFields.PageUrl, "Must be an absolute http(s) URL.");
        }

        var companySize = ParseCompanySize(errors.Text(LeadFormFields.CompanySize, form.CompanySize, 20));
        if (companySize is < 0)
        {
            errors.Add(LeadFormFields.CompanySize, "Use a number of employees, or a range such as 50-199 or 1000+.");
        }

        var consent = ConsentAnswer.Parse(form.ConsentEmail);
        if (consent is null)
        {
            errors.Add(LeadFormFields.ConsentEmail, "Use true/false (or 'on' from a checkbox).");
        }

        RecipientType? recipientType = null;
        if (errors.Text(LeadFormFields.RecipientType, form.RecipientType, 20) is { } type)
        {
            recipientType = RecipientTypes.TryParse(type, out var parsed) ? parsed : null;
            if (recipientType is null)
            {
                errors.Add(LeadFormFields.RecipientType, "Use individual or merchant (İYS BIREYSEL or TACIR).");
            }
        }

        var language = errors.Text(LeadFormFields.Language, form.Language, 5)?.ToLowerInvariant();
        if (language is not null && !Languages.IsSupported(language))
        {
            errors.Add(LeadFormFields.Language, $"Use one of: {string.Join(", ", Languages.Supported)}.");
        }

        string? referredBy = null;
        if (errors.Text(LeadFormFields.ReferredBy, form.ReferredBy, 254) is { } referrer)
        {
            if (!EmailAddress.TryNormalize(referrer, out var normalizedReferrer))
            {
                errors.Add(LeadFormFields.ReferredBy, "Not a valid email address (the referrer's).");
            }
            else if (normalizedReferrer == normalizedEmail)
            {
                errors.Add(LeadFormFields.ReferredBy, "A person cannot refer themselves.");
            }
            else
            {
                referredBy = normalizedReferrer;
            }
        }

        var detail = new Dictionary<string, string>(StringComparer.Ordinal);
        AddDetail(detail, LeadFormFields.UtmSource, errors.Text(LeadFormFields.UtmSource, form.UtmSource, 200));
        AddDetail(detail, LeadFormFields.UtmMedium, errors.Text(LeadFormFields.UtmMedium, form.UtmMedium, 200));
        AddDetail(detail, LeadFormFields.UtmCampaign, errors.Text(LeadFormFields.UtmCampaign, form.UtmCampaign, 200));
        AddDetail(detail, LeadFormFields.FormId, errors.Text(LeadFormFields.FormId, form.FormId, 100));
        AddDetail(detail, LeadFormFields.PageUrl, pageUrl);

        var submission = new LeadSubmission
        {
            SubmissionId = submissionId,
            ReceivedAt = receivedAt,
            Email = normalizedEmail,
            FirstName = errors.Text(LeadFormFields.FirstName, form.FirstName, 100),
            LastName = errors.Text(LeadFormFields.LastName, form.LastName, 100),
            Phone = phone,
            Company = errors.Text(LeadFormFields.Company, form.Company, 200),
            JobTitle = errors.Text(LeadFormFields.JobTitle, form.JobTitle, 150),
            Country = errors.Text(LeadFormFields.Country, form.Country, 60),
            Industry = errors.Text(LeadFormFields.Industry, form.Industry, 100),
            CompanySize = companySize is < 0 ? null : companySize,
            Source = source,
            ConsentEmail = consent ?? false,
            ConsentText = errors.Text(LeadFormFields.ConsentText, form.ConsentText, 2000),
            RecipientType = recipientType,
            Language = language,
            ReferredBy = referredBy,
            SourceDetail = detail,
        };

        return errors.Any
            ? ValidationResult.Failure<LeadSubmission>(errors.ToDictionary())
            : ValidationResult.Success(submission);
    }

    /// <summary>
    /// Employees as a number, or the low end of a range ("50-199", "1000+", "1,001-5,000" and "More than
    /// 10,000" as webinar platforms send it); -1 when it is neither.
    /// </summary>
    internal static int? ParseCompanySize(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var digits = value
            .Replace(",", string.Empty, StringComparison.Ordinal)
            .Replace(".", string.Empty, StringComparison.Ordinal);
        if (MoreThanPattern().Match(digits) is { Success: true } more)
        {
            return int.Parse(more.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
        }

        var match = CompanySizePattern().Match(digits);
        return
            match.Success
            && int.TryParse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var size)
            ? size
            : -1;
    }

    private static void AddDetail(Dictionary<string, string> detail, string key, string? value)
    {
        if (value is not null)
        {
            detail[key] = value;
        }
    }

    [GeneratedRegex(
        @"^\+?[0-9 ()./-]{5,30}((x|ext\.?) ?[0-9]{1,6})?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\s*([0-9]{1,7})\s*(\+|-\s*[0-9]{1,7})?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CompanySizePattern();

    [GeneratedRegex(
        @"^\s*(?:more than|over)\s+([0-9]{1,7})\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex MoreThanPattern();
}
