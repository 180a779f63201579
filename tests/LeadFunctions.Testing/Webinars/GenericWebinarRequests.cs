using System.Text;

namespace LeadFunctions.Testing.Webinars;

/// <summary>The generic webinar webhook's requests as a caller signs them: X-Signature-256 "sha256=" + hex
/// HMAC-SHA256 of the raw body with Webhooks:Generic:Secret (docs/reference.md).</summary>
public static class GenericWebinarRequests
{
    public const string Route = "/api/webhooks/webinars/generic";

    public static HttpRequestMessage Sign(string json, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Route)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-256", "sha256=" + ZoomRequests.Hex(secret, json));
        return request;
    }
}
