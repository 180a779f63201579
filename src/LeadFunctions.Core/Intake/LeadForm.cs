namespace LeadFunctions.Core.Intake;

/// <summary>A web form's fields as they arrived (docs/reference.md, "POST /api/leads"), before validation.</summary>
public sealed record LeadForm
{
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Phone { get; init; }
    public string? Company { get; init; }
    public string? JobTitle { get; init; }
    public string? Country { get; init; }
    public string? Industry { get; init; }
    public string? CompanySize { get; init; }
    public string? Source { get; init; }
    public string? UtmSource { get; init; }
    public string? UtmMedium { get; init; }
    public string? UtmCampaign { get; init; }
    public string? FormId { get; init; }
    public string? PageUrl { get; init; }
    public string? ConsentEmail { get; init; }
    public string? ConsentText { get; init; }
    public string? RecipientType { get; init; }
    public string? Language { get; init; }
    public string? ReferredBy { get; init; }
}

/// <summary>
/// The field names of docs/reference.md, "POST /api/leads": the form's, a CSV list's lead columns, the generic webinar
/// webhook's registrant and every field error speak them.
/// </summary>
public static class LeadFormFields
{
    public const string Email = "email";
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string Phone = "phone";
    public const string Company = "company";
    public const string JobTitle = "jobTitle";
    public const string Country = "country";
    public const string Industry = "industry";
    public const string CompanySize = "companySize";
    public const string Source = "source";
    public const string UtmSource = "utm_source";
    public const string UtmMedium = "utm_medium";
    public const string UtmCampaign = "utm_campaign";
    public const string FormId = "formId";
    public const string PageUrl = "pageUrl";
    public const string ConsentEmail = "consentEmail";
    public const string ConsentText = "consentText";
    public const string RecipientType = "recipientType";
    public const string Language = "language";
    public const string ReferredBy = "referredBy";

    public static LeadForm ToForm(IReadOnlyDictionary<string, string?> fields)
    {
        string? Get(string name) => fields.TryGetValue(name, out var value) ? value : null;
        return new LeadForm
        {
            Email = Get(Email),
            FirstName = Get(FirstName),
            LastName = Get(LastName),
            Phone = Get(Phone),
            Company = Get(Company),
            JobTitle = Get(JobTitle),
            Country = Get(Country),
            Industry = Get(Industry),
            CompanySize = Get(CompanySize),
            Source = Get(Source),
            UtmSource = Get(UtmSource),
            UtmMedium = Get(UtmMedium),
            UtmCampaign = Get(UtmCampaign),
            FormId = Get(FormId),
            PageUrl = Get(PageUrl),
            ConsentEmail = Get(ConsentEmail),
            ConsentText = Get(ConsentText),
            RecipientType = Get(RecipientType),
            Language = Get(Language),
            ReferredBy = Get(ReferredBy),
        };
    }
}
