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

public interface ILeadEnricher
{
    ValueTask<LeadEnrichment> EnrichAsync(
        string normalizedEmail,
        string? phone,
        string? country,
        CancellationToken cancellationToken
    );
}

/// <summary>Whether a domain can receive mail; null when that could not be told (no DNS, a timeout).</summary>
public interface IMxChecker
{
    Task<bool?> HasMxAsync(string domain, CancellationToken cancellationToken);
}
