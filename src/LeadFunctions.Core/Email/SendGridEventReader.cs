using System.Text.Json;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Security;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Email;

/// <summary>
/// Reads one event of SendGrid's Event Webhook (custom args arrive as top-level keys). An event without
/// an id, a type, a readable time or a valid email cannot be routed or de-duplicated: it is not read.
/// </summary>
public static class SendGridEventReader
{
    public const int MaxReasonLength = 300;
    private const int MaxKeyLength = 100;
    private const int MaxUrlLength = 2048;

    /// <summary>The event, or null with the reason it could not be read.</summary>
    public static SendGridEvent? TryRead(JsonElement element, DateTimeOffset now, out string problem)
    {
        problem = string.Empty;
        if (element.ValueKind != JsonValueKind.Object)
        {
            problem = "not an object";
            return null;
        }

        var eventId = Text(element, "sg_event_id");
        var type = Text(element, "event");
        var rawEmail = Text(element, "email");
        if (string.IsNullOrEmpty(eventId) || string.IsNullOrEmpty(type))
        {
            problem = "no sg_event_id or event";
            return null;
        }

        if (
            Time(element) is not { } at
            || at > now + EventFormValidator.FutureTolerance
            || at < now - EventFormValidator.MaxAge
        )
        {
            problem = "no timestamp in unix seconds within the last year";
            return null;
        }

        if (!EmailAddress.TryNormalize(rawEmail, out var email))
        {
            problem = "no valid email";
            return null;
        }

        var lead = Text(element, MailCustomArgs.LeadId);
        return new SendGridEvent
        {
            EventId = KeySafe(eventId),
            Type = type,
            At = at,
            Email = email,
            LeadId = LeadId.IsWellFormed(lead) ? lead! : LeadId.FromEmail(email),
            SendId = Text(element, MailCustomArgs.SendId) is { } send && IsKeySafe(send) ? send : null,
            Campaign = Short(Text(element, MailCustomArgs.Campaign)),
            Step = Short(Text(element, MailCustomArgs.Step)),
            Kind = Short(Text(element, MailCustomArgs.Kind)),
            BounceType = Text(element, "type"),
            Reason = Redacted(Text(element, "reason") ?? Text(element, "response"), rawEmail!, email),
            MachineOpen =
                element.TryGetProperty("sg_machine_open", out var machine) && machine.ValueKind == JsonValueKind.True,
            Url =
                Text(element, "url") is { Length: <= MaxUrlLength } url
                && Uri.TryCreate(url, UriKind.Absolute, out var uri)
                && uri.Scheme is "http" or "https"
                    ? url
                    : null,
        };
    }

    private static DateTimeOffset? Time(JsonElement element) =>
        element.TryGetProperty("timestamp", out var timestamp)
        && timestamp.ValueKind == JsonValueKind.Number
        && timestamp.TryGetInt64(out var seconds)
        && seconds >= 0
        && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>An id for a table key: SendGrid's own when it is plain, else a hash of it (still the same on every
    /// redelivery).</summary>
    public static string KeySafe(string id) => IsKeySafe(id) ? id : "h" + StableId.From("sg_event_id", id);

    private static bool IsKeySafe(string value) =>
        value.Length is > 0 and <= MaxKeyLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '=');

    private static string? Short(string? value) =>
        value is { Length: > 0 and <= MaxKeyLength } && !SafeText.HasControlCharacters(value) ? value : null;

    /// <summary>A bounce's reason often quotes the address; it is kept where the address is not (the suppression list,
    /// by hash).</summary>
    private static string? Redacted(string? reason, string rawEmail, string email)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }

        var text = new string([.. reason.Select(c => char.IsControl(c) ? ' ' : c)])
            .Replace(rawEmail.Trim(), "[address]", StringComparison.OrdinalIgnoreCase)
            .Replace(email, "[address]", StringComparison.OrdinalIgnoreCase)
            .Trim();
        return text.Length <= MaxReasonLength ? text : text[..MaxReasonLength];
    }

    private static string? Text(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        try
        {
            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };
        }
        catch (InvalidOperationException)
        {
            return null; // A lone surrogate escape ("\ud83d") is valid JSON but no .NET string.
        }
    }
}
