using System.Text.RegularExpressions;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Intake;

/// <summary>Turns a web form into a <see cref="LeadSubmission"/>, or says field by field what is wrong.</summary>
public static partial class LeadFormValidator
{
    public const string DefaultSource = "web";

    public static ValidationResult<LeadSubmission> Validate(LeadForm form, string submissionId, DateTimeOffset receivedAt)
    {
        var errors = new FieldErrors();
        var email = errors.Text("email", form.Email, 254);
        string normalizedEmail = string.Empty;
        if (email is null)
        {
            errors.Add("email", "Required.");
        }
        else if (!EmailAddress.TryNormalize(email, out normalizedEmail))
        {
            errors.Add("email", "Not a valid email address.");
        }

        var phone = errors.Text("phone", form.Phone, 32);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            errors.Add("phone", "Not a phone number.");
        }

        var source = errors.Text("source", form.Source, 50)?.ToLowerInvariant() ?? DefaultSource;
        if (!IsValidSource(source))
        {
            errors.Add("source", SourceRule);
        }

        var pageUrl = errors.Text("pageUrl", form.PageUrl, 2048);
        if (pageUrl is not null && !(Uri.TryCreate(pageUrl, UriKind.Absolute, out var page) && page.Scheme is "http" or "https"))
        {
            errors.Add("pageUrl", "Must be an absolute http(s) URL.");
        }

        var companySize = ParseCompanySize(errors.Text("companySize", form.CompanySize, 20));
        if (companySize is < 0)
        {
            errors.Add("companySize", "Use a number of employees, or a range such as 50-199 or 1000+.");
        }

        var consent = ParseConsent(form.ConsentEmail);
        if (consent is null)
        {
            errors.Add("consentEmail", "Use true/false (or 'on' from a checkbox).");
        }

        RecipientType? recipientType = null;
        if (errors.Text("recipientType", form.RecipientType, 20) is { } type)
        {
            recipientType = RecipientTypes.TryParse(type, out var parsed) ? parsed : null;
            if (recipientType is null)
            {
                errors.Add("recipientType", "Use individual or merchant (İYS BIREYSEL or TACIR).");
            }
        }

        var language = errors.Text("language", form.Language, 5)?.ToLowerInvariant();
        if (language is not null && !Languages.IsSupported(language))
        {
            errors.Add("language", $"Use one of: {string.Join(", ", Languages.Supported)}.");
        }

        var detail = new Dictionary<string, string>(StringComparer.Ordinal);
        AddDetail(detail, "utm_source", errors.Text("utm_source", form.UtmSource, 200));
        AddDetail(detail, "utm_medium", errors.Text("utm_medium", form.UtmMedium, 200));
        AddDetail(detail, "utm_campaign", errors.Text("utm_campaign", form.UtmCampaign, 200));
        AddDetail(detail, "formId", errors.Text("formId", form.FormId, 100));
        AddDetail(detail, "pageUrl", pageUrl);

        var submission = new LeadSubmission
        {
            SubmissionId = submissionId,
            ReceivedAt = receivedAt,
            Email = normalizedEmail,
            FirstName = errors.Text("firstName", form.FirstName, 100),
            LastName = errors.Text("lastName", form.LastName, 100),
            Phone = phone,
            Company = errors.Text("company", form.Company, 200),
            JobTitle = errors.Text("jobTitle", form.JobTitle, 150),
            Country = errors.Text("country", form.Country, 60),
            Industry = errors.Text("industry", form.Industry, 100),
            CompanySize = companySize is < 0 ? null : companySize,
            Source = source,
            ConsentEmail = consent ?? false,
            ConsentText = errors.Text("consentText", form.ConsentText, 2000),
            RecipientType = recipientType,
            Language = language,
            SourceDetail = detail,
        };

        return errors.Any
            ? ValidationResult.Failure<LeadSubmission>(errors.ToDictionary())
            : ValidationResult.Success(submission);
    }

    /// <summary>The one rule for a source name (a lead's, an event's, a webinar platform's, a list filter's).</summary>
    public const string SourceRule = "1 to 50 lowercase letters, digits, '-' or '_'.";

    public static bool IsValidSource(string? source) => source is not null && SourcePattern().IsMatch(source);

    /// <summary>HTML checkboxes send "on"; JSON sends true/false; lists say yes/evet or x; absent means no consent.</summary>
    internal static bool? ParseConsent(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "off" or "no" or "0" or "hayır" or "hayir" => false,
        "true" or "on" or "yes" or "1" or "evet" or "x" => true,
        _ => null,
    };

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

        var digits = value.Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        if (MoreThanPattern().Match(digits) is { Success: true } more)
        {
            return int.Parse(more.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
        }

        var match = CompanySizePattern().Match(digits);
        return match.Success && int.TryParse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var size) ? size : -1;
    }

    private static void AddDetail(Dictionary<string, string> detail, string key, string? value)
    {
        if (value is not null)
        {
            detail[key] = value;
        }
    }

    [GeneratedRegex(@"^\+?[0-9 ()./-]{5,30}((x|ext\.?) ?[0-9]{1,6})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\s*([0-9]{1,7})\s*(\+|-\s*[0-9]{1,7})?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CompanySizePattern();

    [GeneratedRegex(@"^\s*(?:more than|over)\s+([0-9]{1,7})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoreThanPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex SourcePattern();
}
