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
