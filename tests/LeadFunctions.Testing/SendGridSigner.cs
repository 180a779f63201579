using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace LeadFunctions.Testing;

/// <summary>
/// Signs Event Webhook posts as SendGrid does, with a P-256 key made for the test: the signature is the
/// base64 DER of ECDSA-SHA256 over the timestamp's bytes followed by the body's bytes (written independently of the
/// code under test). Integration tests post through it, and the crash bench's SendGrid stand-in posts its events.
/// </summary>
public sealed class SendGridSigner : IDisposable
{
    public const string Route = "/api/webhooks/sendgrid";
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The verification key as SendGrid's settings page shows it: base64 of the DER
    /// SubjectPublicKeyInfo.</summary>
    public string PublicKey => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    public string Setting => $"--SendGrid:EventWebhookPublicKey={PublicKey}";

    public HttpRequestMessage Post(string json, DateTimeOffset? at = null) => Post(Encoding.UTF8.GetBytes(json), at);

    public HttpRequestMessage Post(byte[] body, DateTimeOffset? at = null, byte[]? send = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = new ByteArrayContent(send ?? body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", Sign(timestamp, body));
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        return request;
    }

    public string Sign(string timestamp, byte[] body) =>
        Convert.ToBase64String(
            key.SignData(
                [.. Encoding.UTF8.GetBytes(timestamp), .. body],
                HashAlgorithmName.SHA256,
                DSASignatureFormat.Rfc3279DerSequence
            )
        );

    public void Dispose() => key.Dispose();
}
