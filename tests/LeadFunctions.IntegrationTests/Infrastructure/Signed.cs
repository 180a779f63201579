using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LeadFunctions.IntegrationTests.Infrastructure;

/// <summary>Builds signed webhook requests the way Zoom and our generic webhook's callers sign them (written
/// independently of the code under test).</summary>
internal static class Signed
{
    public const string ZoomSecret = "zoom-test-secret-token";
    public const string GenericSecret = "generic-test-secret";

    public static HttpRequestMessage Zoom(string json, string secret = ZoomSecret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Hex(secret, $"v0:{timestamp}:{json}");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/webinars/zoom")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-zm-request-timestamp", timestamp);
        request.Headers.Add("x-zm-signature", signature);
        return request;
    }

    public static HttpRequestMessage Generic(string json, string secret = GenericSecret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/webinars/generic")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-256", "sha256=" + Hex(secret, json));
        return request;
    }

    public static string Hex(string secret, string message) =>
        Convert
            .ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)))
            .ToLowerInvariant();
}
