using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LeadFunctions.Testing.Webinars;

/// <summary>Webinar webhook requests signed the way Zoom and the generic webhook's callers sign them (written
/// independently of the code under test), for the tests and the benchmark.</summary>
public static class WebhookRequests
{
    public static HttpRequestMessage Zoom(string json, string secret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = Json("/api/webhooks/webinars/zoom", json);
        request.Headers.Add("x-zm-request-timestamp", timestamp);
        request.Headers.Add("x-zm-signature", "v0=" + HmacHex(secret, $"v0:{timestamp}:{json}"));
        return request;
    }

    public static HttpRequestMessage Generic(string json, string secret)
    {
        var request = Json("/api/webhooks/webinars/generic", json);
        request.Headers.Add("X-Signature-256", "sha256=" + HmacHex(secret, json));
        return request;
    }

    /// <summary>A POST of <paramref name="json"/> to <paramref name="path"/>.</summary>
    public static HttpRequestMessage Json(string path, string json) =>
        new(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static string HmacHex(string secret, string message) =>
        Convert
            .ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)))
            .ToLowerInvariant();
}
