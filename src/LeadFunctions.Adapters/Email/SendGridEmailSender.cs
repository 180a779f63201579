using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Telemetry;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace LeadFunctions.Adapters.Email;

/// <summary>
/// Sends one email through SendGrid's v3 mail send with the SendGrid client, over an HttpClient whose
/// resilience pipeline (<see cref="SendGridResilience"/>) retries the answers that say it was not taken. An
/// answer that is still not 2xx becomes <see cref="EmailSendException"/> with its status and SendGrid's reason;
/// no answer at all (a timeout, a broken connection) becomes one with no status: the email may have been sent,
/// and is not sent again here.
/// </summary>
public sealed class SendGridEmailSender(HttpClient http, IOptions<SendGridOptions> options, SenderIdentity sender)
    : IEmailSender
{
    public const string MessageIdHeader = "X-Message-Id";

    /// <summary>SendGrid's reason is kept on the step and the timeline: a sentence, never a whole body.</summary>
    private const int MaxReasonLength = 300;

    private readonly SendGridClient client = new(http, ClientOptions(options.Value));

    public async Task<EmailSendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        Response response;
        try
        {
            response = await client.SendEmailAsync(
                Message(email, options.Value.FromEmail, sender.Name),
                cancellationToken
            );
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            throw new EmailSendException("SendGrid gave no answer; the email may have been sent.", null);
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            throw new EmailSendException($"SendGrid answered {status}.", status, await ReasonAsync(response));
        }

        LeadTelemetry.EmailsSent.Add(1);
        return new EmailSendResult(
            response.Headers.TryGetValues(MessageIdHeader, out var ids) ? ids.FirstOrDefault() : null
        );
    }

    /// <summary>SendGrid's first error message ({"errors":[{"message":…}]}), cut short; null when the body says
    /// none.</summary>
    private static async Task<string?> ReasonAsync(Response response)
    {
        try
        {
            using var body = JsonDocument.Parse(await response.Body.ReadAsStringAsync(CancellationToken.None));
            return
                body.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array
                && errors.GetArrayLength() > 0
                && errors[0].TryGetProperty("message", out var message)
                && message.GetString() is { Length: > 0 } text
                ? text[..Math.Min(text.Length, MaxReasonLength)]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SendGridClientOptions ClientOptions(SendGridOptions settings)
    {
        var clientOptions = new SendGridClientOptions { ApiKey = settings.ApiKey ?? string.Empty };
        if (settings.Host is { } host)
        {
            clientOptions.Host = host.AbsoluteUri;
        }

        return clientOptions;
    }

    /// <summary>One personalization: the recipient with the email's headers and custom args. The sender's name is
    /// Nurture:SenderName, as the emails' text names it.</summary>
    private static SendGridMessage Message(OutgoingEmail email, string? fromEmail, string fromName)
    {
        var message = new SendGridMessage
        {
            From = new EmailAddress(fromEmail, fromName),
            Subject = email.Subject,
            PlainTextContent = email.Text,
            HtmlContent = email.Html,
        };
        message.AddTo(new EmailAddress(email.To, email.ToName));
        if (email.Headers.Count > 0)
        {
            message.AddHeaders(email.Headers.ToDictionary());
        }

        if (email.CustomArgs.Count > 0)
        {
            message.AddCustomArgs(email.CustomArgs.ToDictionary());
        }

        if (email.Categories.Count > 0)
        {
            message.AddCategories([.. email.Categories]);
        }

        return message;
    }
}

/// <summary>The "SendGrid" settings: sending (API key, base address, sender) and the signed Event Webhook.</summary>
public sealed class SendGridOptions : IValidatableObject
{
    public const string SectionName = "SendGrid";

    /// <summary>The API key (Bearer). Required outside Development and Testing (see AddEmailSending).</summary>
    public string? ApiKey { get; set; }

    /// <summary>An alternative API base address (a local stand-in in tests and local runs); SendGrid's own when
    /// empty.</summary>
    public Uri? Host { get; set; }

    /// <summary>The address every email is sent from.</summary>
    [EmailAddress]
    public string? FromEmail { get; set; }

    /// <summary>The Event Webhook's verification key as SendGrid shows it (base64 DER, P-256). Unset: every post is
    /// refused.</summary>
    public string? EventWebhookPublicKey { get; set; }

    /// <summary>How old a signed post's timestamp may be; as far into the future is refused too (clock skew).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan EventWebhookMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Host is not null && (!Host.IsAbsoluteUri || Host.Scheme is not ("https" or "http")))
        {
            yield return new ValidationResult("SendGrid:Host must be an absolute http(s) URL.", [nameof(Host)]);
        }
    }
}
