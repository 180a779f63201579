using System.ComponentModel.DataAnnotations;

namespace LeadFunctions.Adapters.Sales;

public sealed class SalesHandoffOptions : IValidatableObject
{
    public const string SectionName = "SalesHandoff";

    /// <summary>Where MQLs are POSTed; none means the sales-handoff queue is the only handoff.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Signs each POST (X-Signature-256: sha256=HMAC of the body) so the CRM can tell it is ours.</summary>
    public string? Secret { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WebhookUrl is not null && (!WebhookUrl.IsAbsoluteUri || WebhookUrl.Scheme is not ("https" or "http")))
        {
            yield return new ValidationResult(
                "SalesHandoff:WebhookUrl must be an absolute http(s) URL.",
                [nameof(WebhookUrl)]
            );
        }

        if (WebhookUrl is not null && string.IsNullOrEmpty(Secret))
        {
            yield return new ValidationResult(
                "SalesHandoff:Secret is required with a webhook URL: handoffs are always signed.",
                [nameof(Secret)]
            );
        }
    }
}
