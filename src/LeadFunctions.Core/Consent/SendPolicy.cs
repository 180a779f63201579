using System.Security.Cryptography;
using System.Text;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Consent;

/// <summary>Whether merchants (İYS TACIR) may get commercial email until they refuse, as İYS allows
/// (<c>Consent:Policy</c>).</summary>
public enum ConsentPolicy
{
    /// <summary>Everyone must have opted in (the default).</summary>
    OptIn,

    /// <summary>Individuals must have opted in; merchants may be mailed until they refuse.</summary>
    MerchantsUntilRefused,
}

/// <summary>
/// The one rule for "may this person get a commercial email now?": consent granted (confirmed where double
/// opt-in applied), not withdrawn, the address not suppressed, the person not erased.
/// </summary>
public static class SendPolicy
{
    public static SendDecision Decide(Lead? lead, bool suppressed, ConsentPolicy policy)
    {
        if (lead is null)
        {
            return SendDecision.No("no such lead (never one, or erased)");
        }

        if (suppressed)
        {
            return SendDecision.No("the address is suppressed");
        }

        return lead.Consent.Email switch
        {
            ConsentStatus.Granted => SendDecision.Yes,
            ConsentStatus.Pending => SendDecision.No("consent waits for confirmation (double opt-in)"),
            ConsentStatus.Withdrawn => SendDecision.No("consent was withdrawn or refused"),
            _ when lead.RecipientType == RecipientType.Merchant && policy == ConsentPolicy.MerchantsUntilRefused =>
                SendDecision.Yes,
            _ => SendDecision.No("no consent to commercial email"),
        };
    }
}

public sealed record SendDecision(bool Allowed, string? Reason)
{
    public static readonly SendDecision Yes = new(true, null);

    public static SendDecision No(string reason) => new(false, reason);
}

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

/// <summary>The suppression list's key: the SHA-256 of the normalized email, in lowercase hex (64
/// characters).</summary>
public static class SuppressionKey
{
    public const int Length = 64;

    public static string For(string normalizedEmail) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));

    public static bool IsWellFormed(string? hash) => hash is { Length: Length } && hash.All(char.IsAsciiHexDigitLower);
}

/// <summary>Why an address is never emailed (until an admin lifts it).</summary>
public enum SuppressionReason
{
    Unsubscribed,
    HardBounce,
    SpamReport,
    Dropped,
    Erased,
}
