using LeadFunctions.Testing.Webinars;

namespace LeadFunctions.IntegrationTests.Infrastructure;

/// <summary>Signed webhook requests with the secrets the tests' hosts are given (<see cref="WebhookRequests"/> signs
/// them as Zoom and the generic webhook's callers do).</summary>
internal static class Signed
{
    public const string ZoomSecret = "zoom-test-secret-token";
    public const string GenericSecret = "generic-test-secret";

    public static HttpRequestMessage Zoom(string json, string secret = ZoomSecret, DateTimeOffset? at = null) =>
        WebhookRequests.Zoom(json, secret, at);

    public static HttpRequestMessage Generic(string json, string secret = GenericSecret) =>
        WebhookRequests.Generic(json, secret);

    public static string Hex(string secret, string message) => WebhookRequests.HmacHex(secret, message);
}
