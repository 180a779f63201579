namespace LeadFunctions.Core.Enrichment;

/// <summary>What enrichment adds to a lead, from its email, phone and country alone (cheap, offline).</summary>
public sealed record LeadEnrichment(
    string EmailDomain,
    bool FreeMail,
    bool Disposable,
    string? CompanyDomain,
    string? PhoneE164,
    string? PhoneCountry,
    string? CountryCode,
    bool? MxFound
);
