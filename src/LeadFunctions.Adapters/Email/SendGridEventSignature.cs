using System.Globalization;
using LeadFunctions.Core.Email;
using Microsoft.Extensions.Options;
using SendGrid.Helpers.EventWebhook;

namespace LeadFunctions.Adapters.Email;

/// <summary>
/// Checks a SendGrid Event Webhook post: ECDSA P-256 over timestamp + body, with SendGrid's own
/// <see cref="RequestValidator"/> and the configured verification key, and a timestamp no further from now
/// than SendGrid:EventWebhookMaxAge either way (a captured post replayed later is refused).
/// </summary>
public sealed class SendGridEventSignature(IOptionsMonitor<SendGridOptions> options, TimeProvider time)
    : ISendGridEventSignature
{
    private static readonly RequestValidator Validator = new();
    private ParsedKey? key;

    public bool IsConfigured => PublicKey(options.CurrentValue.EventWebhookPublicKey) is not null;

    public bool IsValid(string payload, string? signature, string? timestamp)
    {
        var settings = options.CurrentValue;
        if (
            PublicKey(settings.EventWebhookPublicKey) is not { } publicKey
            || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > settings.EventWebhookMaxAge
        )
        {
            return false;
        }

        try
        {
            return Validator.VerifySignature(publicKey, payload, signature, timestamp);
        }
        catch (Exception ex) when (IsMalformed(ex))
        {
            // Not base64, or not a DER signature: forged or mangled.
            return false;
        }
    }

    /// <summary>The configured key, parsed once per value (the setting may change at run time).</summary>
    private EllipticCurve.PublicKey? PublicKey(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        if (key is { } cached && cached.Configured == configured)
        {
            return cached.Key;
        }

        EllipticCurve.PublicKey? parsed;
        try
        {
            parsed = Validator.ConvertPublicKeyToECDSA(configured);
        }
        catch (Exception ex) when (IsMalformed(ex))
        {
            parsed = null; // A key that is not one refuses everything, as no key does.
        }

        key = new ParsedKey(configured, parsed);
        return parsed;
    }

    /// <summary>The validator's DER and base64 parsing throws whatever its indexing meets in a malformed
    /// value.</summary>
    private static bool IsMalformed(Exception ex) =>
        ex
            is FormatException
                or ArgumentException
                or IndexOutOfRangeException
                or OverflowException
                or InvalidOperationException;

    /// <summary>One reference, so that a reader on another thread sees a setting and its key together.</summary>
    private sealed record ParsedKey(string Configured, EllipticCurve.PublicKey? Key);
}
