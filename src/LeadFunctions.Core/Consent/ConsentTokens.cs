using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Consent;

public enum TokenPurpose
{
    Unsubscribe,
    Confirm,
}

/// <summary>What a link's token names: whose link it is, what for, which pending grant it confirms, and until when.</summary>
public sealed record ConsentToken(TokenPurpose Purpose, string LeadId, string? RecordId, DateTimeOffset? ExpiresAt);

public enum TokenCheck
{
    Valid,

    /// <summary>Forged, truncated, altered, or for another purpose: nothing is said about whose it was.</summary>
    Invalid,

    /// <summary>Genuine but past its time.</summary>
    Expired,
}

/// <summary>
/// Signed tokens for the links in our emails (<c>Consent:TokenSecret</c>): base64url of the claims, a dot, and
/// base64url of their HMAC-SHA256. The purpose and the lead are inside the signature, so a token for one lead
/// or purpose never works for another.
/// </summary>
public sealed class ConsentTokens(string secret)
{
    private const char Separator = '.';
    private readonly byte[] key = Encoding.UTF8.GetBytes(secret);

    public string Issue(ConsentToken token)
    {
        var expires = token.ExpiresAt?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var claims = Encoding.UTF8.GetBytes(string.Join(Separator, Name(token.Purpose), token.LeadId, token.RecordId, expires));
        return Base64Url.EncodeToString(claims) + Separator + Base64Url.EncodeToString(HMACSHA256.HashData(key, claims));
    }

    public TokenCheck Read(string? value, TokenPurpose purpose, DateTimeOffset now, out ConsentToken? token)
    {
        token = null;
        if (value is not { Length: > 0 and < 512 } || value.Split(Separator) is not [var claimsPart, var macPart])
        {
            return TokenCheck.Invalid;
        }

        byte[] claims, mac;
        try
        {
            (claims, mac) = (Base64Url.DecodeFromChars(claimsPart), Base64Url.DecodeFromChars(macPart));
        }
        catch (FormatException)
        {
            return TokenCheck.Invalid;
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, claims), mac)
            || Encoding.UTF8.GetString(claims).Split(Separator) is not [var name, var leadId, var recordId, var expires]
            || name != Name(purpose) || !LeadId.IsWellFormed(leadId))
        {
            return TokenCheck.Invalid;
        }

        DateTimeOffset? expiresAt = long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
        token = new ConsentToken(purpose, leadId, recordId is "" ? null : recordId, expiresAt);
        return expiresAt is { } limit && now >= limit ? TokenCheck.Expired : TokenCheck.Valid;
    }

    private static string Name(TokenPurpose purpose) => purpose == TokenPurpose.Confirm ? "confirm" : "unsubscribe";
}
