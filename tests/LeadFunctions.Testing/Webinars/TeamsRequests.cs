using System.Text;

namespace LeadFunctions.Testing.Webinars;

/// <summary>
/// Microsoft Graph's posts to our Teams webhook, shaped as its pages show them (learn.microsoft.com/graph:
/// changenotifications-for-virtualevent, "Registration created"; change-notifications-lifecycle-events, "Structure of
/// a lifecycle notification"; change-notifications-delivery-webhooks, "notificationUrl validation").
/// </summary>
public static class TeamsRequests
{
    public const string Path = "/api/webhooks/webinars/teams";

    /// <summary>A webinar id as Graph writes them: the event's GUID, '@', the tenant's GUID.</summary>
    public const string WebinarId = "f4b39f1c-520e-4e75-805a-4b0f2016a0c6@a1a56d21-a8a6-4a6b-97f8-ced53d30f143";

    public const string TenantId = "a1a56d21-a8a6-4a6b-97f8-ced53d30f143";

    /// <summary>A notification that a registration of <paramref name="webinarId"/> was created (or updated).</summary>
    public static string RegistrationNotification(
        string subscriptionId,
        string clientState,
        string webinarId,
        string registrationId,
        string changeType = "created"
    ) =>
        $$$"""
            {"value":[{"subscriptionId":"{{{subscriptionId}}}","clientState":"{{{clientState}}}","changeType":"{{{changeType}}}","tenantId":"{{{TenantId}}}","resource":"solutions/virtualEvents/webinars/{{{webinarId}}}/registrations","subscriptionExpirationDateTime":"2026-12-08T00:00:00.0000000Z","resourceData":{"@odata.id":"solutions/virtualEvents/webinars/{{{webinarId}}}/registrations/{{{registrationId}}}","@odata.type":"#microsoft.graph.virtualEventRegistration","id":"solutions/virtualEvents/webinars/{{{webinarId}}}/registrations/{{{registrationId}}}"}}]}
            """;

    /// <summary>A lifecycle notification: reauthorizationRequired, subscriptionRemoved or missed.</summary>
    public static string LifecycleNotification(string subscriptionId, string clientState, string lifecycleEvent) =>
        $$$"""
            {"value":[{"subscriptionId":"{{{subscriptionId}}}","subscriptionExpirationDateTime":"2026-12-08T00:00:00.0000000Z","tenantId":"{{{TenantId}}}","clientState":"{{{clientState}}}","lifecycleEvent":"{{{lifecycleEvent}}}"}]}
            """;

    /// <summary>A notification post as Graph sends it (JSON, UTF-8).</summary>
    public static HttpRequestMessage Post(string json) =>
        new(HttpMethod.Post, Path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>Graph's validation request: the token in the query, an empty text/plain body.</summary>
    public static HttpRequestMessage Validation(string token, string path = Path) =>
        new(HttpMethod.Post, $"{path}?validationToken={Uri.EscapeDataString(token)}")
        {
            Content = new StringContent(string.Empty, Encoding.UTF8, "text/plain"),
        };
}
