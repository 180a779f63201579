using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Enrichment;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Functions.Leads;

/// <summary>A lead in the shape of docs/reference.md, "A lead".</summary>
public sealed record LeadView(
    string Id,
    string Email,
    string? FirstName,
    string? LastName,
    string? Company,
    string? JobTitle,
    string? Phone,
    string? Country,
    string? Industry,
    int? CompanySize,
    string Source,
    string Stage,
    string? DisqualifyReason,
    LeadScoreView Score,
    string Grade,
    string Temperature,
    LeadConsentView Consent,
    LeadEnrichment? Enrichment,
    Conversion? Conversion,
    IReadOnlyDictionary<string, string> SourceDetail,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt
)
{
    public static LeadView From(Lead lead) =>
        new(
            lead.Id,
            lead.Email,
            lead.FirstName,
            lead.LastName,
            lead.Company,
            lead.JobTitle,
            lead.Phone,
            lead.Country,
            lead.Industry,
            lead.CompanySize,
            lead.Source,
            lead.Stage.ToApiName(),
            lead.DisqualifyReason,
            new LeadScoreView(lead.Score.Fit, lead.Score.Engagement, lead.Score.Total),
            lead.Grade,
            lead.Temperature.ToApiName(),
            new LeadConsentView(lead.Consent.Email.ToApiName()),
            lead.Enrichment,
            lead.Conversion,
            lead.SourceDetail,
            lead.CreatedAt,
            lead.UpdatedAt
        );
}

public sealed record LeadScoreView(int Fit, int Engagement, int Total);

public sealed record LeadConsentView(string Email);
