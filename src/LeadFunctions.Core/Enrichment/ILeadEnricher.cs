namespace LeadFunctions.Core.Enrichment;

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
