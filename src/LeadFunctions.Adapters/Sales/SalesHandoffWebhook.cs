using System.Net.Http.Headers;
using System.Text.Json;
using LeadFunctions.Core.Sales;
using LeadFunctions.Core.Security;
using LeadFunctions.Core.Text;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Adapters.Sales;

/// <summary>
/// POSTs a handoff to the CRM, signed with HMAC-SHA256 over the exact body bytes. Retries with
/// back-off come from the HttpClient's standard resilience pipeline; what still fails is thrown, so
/// the queue message is retried and, in the end, poisoned rather than lost.
/// </summary>
public sealed class SalesHandoffWebhook(HttpClient client, IOptions<SalesHandoffOptions> options) : ISalesHandoffWebhook
{
    public const string HandoffIdHeader = "X-Handoff-Id";

    public async Task PostAsync(SalesHandoff handoff, CancellationToken cancellationToken)
    {
        if (options.Value is not { WebhookUrl: { } url, Secret: { } secret })
        {
            return;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(handoff, JsonDefaults.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignatures.Sha256HeaderName, WebhookSignatures.Sha256Header(secret, body));
        request.Headers.Add(HandoffIdHeader, handoff.HandoffId);
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
