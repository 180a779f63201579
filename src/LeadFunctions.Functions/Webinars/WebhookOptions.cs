namespace LeadFunctions.Functions.Webinars;

/// <summary>Secrets of the webinar webhooks ("Webhooks:Zoom:SecretToken", "Webhooks:Generic:Secret",
/// "Webhooks:GoToWebinar:SecretKey", "Webhooks:Livestorm:Secret", "Webhooks:Teams:ClientState"). Unset: the webhook
/// refuses everything.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    public ZoomWebhookOptions Zoom { get; init; } = new();

    public GenericWebhookOptions Generic { get; init; } = new();

    public GoToWebinarWebhookOptions GoToWebinar { get; init; } = new();

    public LivestormWebhookOptions Livestorm { get; init; } = new();

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

/// <summary>The "value" GoTo's POST /G2W/rest/v2/webhooks/secretkey answered: it signs every event.</summary>
public sealed class GoToWebinarWebhookOptions
{
    public string? SecretKey { get; set; }
}

/// <summary>Livestorm signs nothing: this secret is the last segment of the address given to Livestorm.</summary>
public sealed class LivestormWebhookOptions
{
    public string? Secret { get; set; }
}

public sealed class TeamsWebhookOptions
{
    /// <summary>Graph's clientState: given to every subscription, sent back with every notification (at most 128
    /// characters).</summary>
    public string? ClientState { get; set; }
}
