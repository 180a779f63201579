using LeadFunctions.Core.Intake;

namespace LeadFunctions.Functions.Leads;

/// <summary>Maps the field names of API.md "POST /api/leads" onto a <see cref="LeadForm"/>.</summary>
internal static class LeadFormMapper
{
    public static LeadForm ToForm(IReadOnlyDictionary<string, string?> fields)
    {
        string? Get(string name) => fields.TryGetValue(name, out var value) ? value : null;
        return new LeadForm
        {
            Email = Get("email"),
            FirstName = Get("firstName"),
            LastName = Get("lastName"),
            Phone = Get("phone"),
            Company = Get("company"),
            JobTitle = Get("jobTitle"),
            Country = Get("country"),
            Industry = Get("industry"),
            CompanySize = Get("companySize"),
            Source = Get("source"),
            UtmSource = Get("utm_source"),
            UtmMedium = Get("utm_medium"),
            UtmCampaign = Get("utm_campaign"),
            FormId = Get("formId"),
            PageUrl = Get("pageUrl"),
            ConsentEmail = Get("consentEmail"),
            ConsentText = Get("consentText"),
            RecipientType = Get("recipientType"),
            Language = Get("language"),
        };
    }
}
