namespace LeadFunctions.Functions.Webinars;

/// <summary>Secrets of the signed webhooks ("Webhooks:Zoom:SecretToken", "Webhooks:Generic:Secret"). Unset: the webhook
/// refuses everything.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    public ZoomWebhookOptions Zoom { get; init; } = new();

    public GenericWebhookOptions Generic { get; init; } = new();
}

public sealed class ZoomWebhookOptions
{
    public string? SecretToken { get; set; }
}

public sealed class GenericWebhookOptions
{
    public string? Secret { get; set; }
}
