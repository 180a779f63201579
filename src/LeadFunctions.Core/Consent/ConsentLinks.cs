using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Consent;

/// <summary>
/// The one place that builds the links of our emails: the unsubscribe link and its RFC 8058 headers (every
/// commercial email carries them), and the double opt-in confirmation link. Links start at
/// <c>Host:PublicBaseUrl</c>.
/// </summary>
public sealed class ConsentLinks(Uri publicBaseUrl, ConsentTokens tokens)
{
    public const string UnsubscribePath = "api/unsubscribe";
    public const string ConfirmPath = "api/consent/confirm";

    /// <summary>The unsubscribe link; one in a campaign's email names its send (lf_send), so its step counts the
    /// unsubscribe.</summary>
    public Uri Unsubscribe(string leadId, string? sendId = null) =>
        Link(UnsubscribePath, new ConsentToken(TokenPurpose.Unsubscribe, leadId, null, null, sendId));

    public Uri Confirm(string leadId, string pendingRecordId, DateTimeOffset expiresAt) =>
        Link(ConfirmPath, new ConsentToken(TokenPurpose.Confirm, leadId, pendingRecordId, expiresAt));

    /// <summary><c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> (RFC 8058 one-click), for every commercial
    /// email.</summary>
    public IReadOnlyDictionary<string, string> UnsubscribeHeaders(string leadId, string? sendId = null) =>
        new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{Unsubscribe(leadId, sendId)}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };

    private Uri Link(string path, ConsentToken token) =>
        new(publicBaseUrl, $"{path}?t={Uri.EscapeDataString(tokens.Issue(token))}");
}

public enum TokenPurpose
{
    Unsubscribe,
    Confirm,
}

/// <summary>
/// What a link's token names: whose link it is, what for, which pending grant it confirms, until when, and (an
/// unsubscribe link in a campaign's email) the send it came in (lf_send), whose step counts the unsubscribe.
/// </summary>
public sealed record ConsentToken(
    TokenPurpose Purpose,
    string LeadId,
    string? RecordId,
    DateTimeOffset? ExpiresAt,
    string? SendId = null
);

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
/// or purpose never works for another. New tokens are signed with the current secret; a token signed with one of
/// <paramref name="previousSecrets"/> (<c>Consent:PreviousTokenSecrets</c>, after a rotation) still verifies.
/// </summary>
public sealed class ConsentTokens(string secret, IEnumerable<string>? previousSecrets = null)
{
    private const char Separator = '.';

    // The current secret first. No key id in the token: the links already in people's mailboxes have none, so verifying
    // must try the secrets in turn anyway; a key id would only add a second format to save an HMAC of a few bytes.
    private readonly byte[][] keys =
    [
        Encoding.UTF8.GetBytes(secret),
        .. (previousSecrets ?? []).Select(Encoding.UTF8.GetBytes),
    ];

    public string Issue(ConsentToken token)
    {
        var expires = token.ExpiresAt?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        // The send is a fifth claim only when there is one, so every other token keeps the format of those delivered
        // before.
        string?[] parts = token.SendId is null
            ? [Name(token.Purpose), token.LeadId, token.RecordId, expires]
            : [Name(token.Purpose), token.LeadId, token.RecordId, expires, token.SendId];
        var claims = Encoding.UTF8.GetBytes(string.Join(Separator, parts));
        return Base64Url.EncodeToString(claims)
            + Separator
            + Base64Url.EncodeToString(HMACSHA256.HashData(keys[0], claims));
    }

    public TokenCheck Read(string? value, TokenPurpose purpose, DateTimeOffset now, out ConsentToken? token)
    {
        token = null;
        if (value is not { Length: > 0 and < 512 } || value.Split(Separator) is not [var claimsPart, var macPart])
        {
            return TokenCheck.Invalid;
        }

        byte[] claims,
            mac;
        try
        {
            (claims, mac) = (Base64Url.DecodeFromChars(claimsPart), Base64Url.DecodeFromChars(macPart));
        }
        catch (FormatException)
        {
            return TokenCheck.Invalid;
        }

        if (
            !keys.Any(k => CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(k, claims), mac))
            || Encoding.UTF8.GetString(claims).Split(Separator)
                is not [var name, var leadId, var recordId, var expires, .. var rest]
            || rest is not ([] or [{ Length: > 0 }])
            || name != Name(purpose)
            || !LeadId.IsWellFormed(leadId)
        )
        {
            return TokenCheck.Invalid;
        }

        DateTimeOffset? expiresAt = long.TryParse(
            expires,
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out var seconds
        )
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
        token = new ConsentToken(
            purpose,
            leadId,
            recordId is "" ? null : recordId,
            expiresAt,
            rest is [var send] ? send : null
        );
        return expiresAt is { } limit && now >= limit ? TokenCheck.Expired : TokenCheck.Valid;
    }

    private static string Name(TokenPurpose purpose) => purpose == TokenPurpose.Confirm ? "confirm" : "unsubscribe";
}
