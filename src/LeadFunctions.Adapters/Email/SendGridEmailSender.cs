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
/// resilience pipeline (<see cref="SendGridResilience"/>) retries 429 and 5xx answers. An answer that is
/// still not 2xx becomes <see cref="EmailSendException"/> with its status; no answer at all (a timeout, a
/// broken connection) becomes one with no status: the email may have been sent, and is not sent again here.
/// </summary>
public sealed class SendGridEmailSender(HttpClient http, IOptions<SendGridOptions> options, SenderIdentity sender) : IEmailSender
{
    public const string MessageIdHeader = "X-Message-Id";

    private readonly SendGridClient client = new(http, ClientOptions(options.Value));

    public async Task<EmailSendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        Response response;
        try
        {
            response = await client.SendEmailAsync(Message(email, options.Value.FromEmail, sender.Name), cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            throw new EmailSendException("SendGrid gave no answer; the email may have been sent.", null);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new EmailSendException($"SendGrid refused the email with {(int)response.StatusCode}.", (int)response.StatusCode);
        }

        LeadTelemetry.EmailsSent.Add(1);
        return new EmailSendResult(response.Headers.TryGetValues(MessageIdHeader, out var ids) ? ids.FirstOrDefault() : null);
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

    /// <summary>One personalization: the recipient with the email's headers and custom args. The sender's name is Nurture:SenderName, as the emails' text names it.</summary>
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
