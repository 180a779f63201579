namespace LeadFunctions.Functions.Webinars;

/// <summary>Secrets of the signed webhooks ("Webhooks:Zoom:SecretToken", "Webhooks:Generic:Secret",
/// "Webhooks:Teams:ClientState"). Unset: the webhook refuses everything.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    public ZoomWebhookOptions Zoom { get; init; } = new();

    public GenericWebhookOptions Generic { get; init; } = new();

    public TeamsWebhookOptions Teams { get; init; } = new();
}

public sealed class ZoomWebhookOptions
{
    public string? SecretToken { get; set; }
}

public sealed class GenericWebhookOptions
{
    public string? Secret { get; set; }
}

public sealed class TeamsWebhookOptions
{
    /// <summary>Graph's clientState: given to every subscription, sent back with every notification (at most 128
    /// characters).</summary>
    public string? ClientState { get; set; }
}
