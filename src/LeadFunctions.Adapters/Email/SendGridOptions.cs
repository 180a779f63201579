using System.ComponentModel.DataAnnotations;

namespace LeadFunctions.Adapters.Email;

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
