using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LeadFunctions.Core.Security;

/// <summary>
/// Signature checks over the raw body, byte for byte, before anything parses it. A missing secret,
/// header or timestamp is a failed check, never a pass.
/// </summary>
public static class WebhookSignatures
{
    /// <summary>How far a signed timestamp may be from now: older is a replay, newer is forged.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>The header that carries <see cref="Sha256Header"/>.</summary>
    public const string Sha256HeaderName = "X-Signature-256";

    /// <summary>GoTo Webinar's headers: the signature, and the time it signs with the body.</summary>
    public const string GoToSignatureHeaderName = "x-webhook-signature";

    public const string GoToTimestampHeaderName = "x-webhook-signature-timestamp";

    private const string Sha256Prefix = "sha256=";
    private const string ZoomVersion = "v0";

    /// <summary>Unix times with more digits than this are milliseconds (any time after March 1973).</summary>
    private const long LargestUnixSeconds = 99_999_999_999;

    /// <summary>"X-Signature-256: sha256=&lt;hex HMAC-SHA256(secret, body)&gt;" (GitHub-style, our generic webhook and
    /// sales handoff).</summary>
    public static string Sha256Header(string secret, ReadOnlySpan<byte> body) =>
        Sha256Prefix + Hmac.Sha256Hex(secret, body);

    public static bool IsValidSha256Header(string? secret, ReadOnlySpan<byte> body, string? header) =>
        !string.IsNullOrEmpty(secret)
        && header is not null
        && header.StartsWith(Sha256Prefix, StringComparison.OrdinalIgnoreCase)
        && Hmac.HexEquals(Hmac.Sha256Hex(secret, body), header[Sha256Prefix.Length..]);

    /// <summary>
    /// A shared secret sent back as it was given (Microsoft Graph's clientState), compared in fixed time: the SHA-256
    /// of each, so that neither the content nor the length of the secret shows in the time taken.
    /// </summary>
    public static bool IsSameSecret(string? secret, string? presented) =>
        !string.IsNullOrEmpty(secret)
        && presented is not null
        && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(secret)),
            SHA256.HashData(Encoding.UTF8.GetBytes(presented))
        );

    /// <summary>Zoom: "x-zm-signature: v0=" + hex HMAC-SHA256(secret token,
    /// "v0:{x-zm-request-timestamp}:{body}").</summary>
    public static bool IsValidZoom(
        string? secret,
        string? timestamp,
        ReadOnlySpan<byte> body,
        string? signature,
        DateTimeOffset now
    )
    {
        if (
            string.IsNullOrEmpty(secret)
            || signature is null
            || !signature.StartsWith(ZoomVersion + "=", StringComparison.Ordinal)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance
        )
        {
            return false;
        }

        var message = new byte[Encoding.UTF8.GetByteCount(ZoomVersion) + timestamp!.Length + 2 + body.Length];
        var written = Encoding.UTF8.GetBytes($"{ZoomVersion}:{timestamp}:", message);
        body.CopyTo(message.AsSpan(written));
        return Hmac.HexEquals(Hmac.Sha256Hex(secret, message), signature[(ZoomVersion.Length + 1)..]);
    }

    /// <summary>
    /// GoTo Webinar: <see cref="GoToSignatureHeaderName"/> is the base64 HMAC-SHA256, under the account's webhook
    /// secret key, of "{<see cref="GoToTimestampHeaderName"/>}:{body}", the timestamp in Unix seconds or
    /// milliseconds. The same MAC written in hex is taken too: either way it is the secret's signature of the
    /// same bytes (docs/webinars/gotowebinar.md says why).
    /// </summary>
    public static bool IsValidGoTo(
        string? secret,
        string? timestamp,
        ReadOnlySpan<byte> body,
        string? signature,
        DateTimeOffset now
    )
    {
        if (
            string.IsNullOrEmpty(secret)
            || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            || unix > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
        )
        {
            return false;
        }

        var signedAt =
            unix > LargestUnixSeconds
                ? DateTimeOffset.FromUnixTimeMilliseconds(unix)
                : DateTimeOffset.FromUnixTimeSeconds(unix);
        if ((now - signedAt).Duration() > Tolerance)
        {
            return false;
        }

        var message = new byte[timestamp!.Length + 1 + body.Length];
        var written = Encoding.UTF8.GetBytes($"{timestamp}:", message);
        body.CopyTo(message.AsSpan(written));
        return Hmac.Sha256Equals(secret, message, signature);
    }
}
