namespace LeadFunctions.Core.Consent;

/// <summary>
/// Addresses that are never emailed, keyed by <see cref="SuppressionKey"/> (a hash of the normalized email),
/// so an erased person's address is not kept in clear. Consulted before any email.
/// </summary>
public interface ISuppressionList
{
    /// <summary>Adds the address's entry; an address already suppressed keeps its first entry (the reason it was first
    /// suppressed).</summary>
    Task SuppressAsync(
        string normalizedEmail,
        SuppressionReason reason,
        DateTimeOffset at,
        string? evidence,
        CancellationToken cancellationToken
    );

    Task<bool> IsSuppressedAsync(string normalizedEmail, CancellationToken cancellationToken);

    /// <summary>
    /// One page of entries, oldest key first. The continuation token is one a page handed out; any other throws
    /// <see cref="FormatException"/>.
    /// </summary>
    Task<SuppressionPage> ListAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>False when there was no such entry.</summary>
    Task<bool> LiftAsync(string hash, CancellationToken cancellationToken);
}

public sealed record Suppression(string Hash, SuppressionReason Reason, DateTimeOffset At, string? Evidence);

public sealed record SuppressionPage(IReadOnlyList<Suppression> Items, string? ContinuationToken);
