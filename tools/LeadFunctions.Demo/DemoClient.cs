using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LeadFunctions.Demo;

/// <summary>
/// The public routes the seeder uses, called as a website, a webinar platform and an operator's script call them:
/// anonymous forms, the generic webinar webhook signed with its secret, everything else with the function key.
/// </summary>
internal sealed class DemoClient(HttpClient http, string functionKey, string webhookSecret)
{
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("api/health", UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public Task PutCampaignAsync(DemoCampaign campaign, CancellationToken cancellationToken) =>
        SucceedAsync(
            Keyed(
                HttpMethod.Put,
                $"api/campaigns/{campaign.Id}",
                new StringContent(campaign.Json, Encoding.UTF8, "application/json")
            ),
            cancellationToken
        );

    /// <summary>A web form's post; the Idempotency-Key makes a second run the same submission.</summary>
    public Task SubmitFormAsync(JsonObject form, string idempotencyKey, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/leads") { Content = JsonContent.Create(form) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return SucceedAsync(request, cancellationToken);
    }

    public async Task<ImportAnswer> ImportCsvAsync(byte[] csv, string source, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        using var response = await SendCheckedAsync(
            Keyed(HttpMethod.Post, $"api/leads/import?source={Uri.EscapeDataString(source)}", content),
            cancellationToken
        );
        return (await response.Content.ReadFromJsonAsync<ImportAnswer>(cancellationToken))!;
    }

    /// <summary>The generic webinar webhook: X-Signature-256 is the HMAC-SHA256 of the exact body with the shared
    /// secret.</summary>
    public Task PostWebinarAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString();
        var signature = Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(webhookSecret), Encoding.UTF8.GetBytes(json))
        );
        var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/webinars/generic")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-256", "sha256=" + signature);
        return SucceedAsync(request, cancellationToken);
    }

    public Task PostEventAsync(JsonObject body, string idempotencyKey, CancellationToken cancellationToken)
    {
        var request = Keyed(HttpMethod.Post, "api/events", JsonContent.Create(body));
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return SucceedAsync(request, cancellationToken);
    }

    /// <summary>A sales decision; false when the lead's stage no longer allows it (409: made by an earlier
    /// run).</summary>
    public async Task<bool> DecideAsync(string leadId, SalesDecision decision, CancellationToken cancellationToken)
    {
        var body = decision.Reason is { } reason ? JsonContent.Create(new { reason }) : null;
        using var request = Keyed(HttpMethod.Post, $"api/leads/{leadId}/{decision.Action}", body);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        await EnsureAsync(response, cancellationToken);
        return true;
    }

    /// <summary>The lead, or null while it is not stored yet.</summary>
    public Task<DemoLead?> GetLeadAsync(string leadId, CancellationToken cancellationToken) =>
        GetOrNullAsync<DemoLead>($"api/leads/{leadId}", cancellationToken);

    public async Task<IReadOnlyList<TimelineItem>> GetTimelineAsync(
        string leadId,
        CancellationToken cancellationToken
    ) => await GetOrNullAsync<List<TimelineItem>>($"api/leads/{leadId}/timeline", cancellationToken) ?? [];

    public async Task<long> GetEnrolledAsync(string campaignId, CancellationToken cancellationToken) =>
        (
            await GetOrNullAsync<CampaignStats>($"api/campaigns/{campaignId}/stats", cancellationToken)
        )?.Totals.GetValueOrDefault("enrolled") ?? 0;

    private async Task<T?> GetOrNullAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var request = Keyed(HttpMethod.Get, path, null);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return default;
        }

        await EnsureAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
    }

    private HttpRequestMessage Keyed(HttpMethod method, string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("x-functions-key", functionKey);
        return request;
    }

    private async Task SucceedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendCheckedAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken
    )
    {
        using (request)
        {
            var response = await http.SendAsync(request, cancellationToken);
            await EnsureAsync(response, cancellationToken);
            return response;
        }
    }

    /// <summary>A refusal says what the host said (its problem+json), not just the status.</summary>
    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered "
                    + $"{(int)response.StatusCode}: {problem}",
                null,
                response.StatusCode
            );
        }
    }
}

internal sealed record ImportAnswer(int Accepted, int RejectedCount, IReadOnlyList<ImportRejection> Rejected);

internal sealed record ImportRejection(long Line, IReadOnlyDictionary<string, string[]> Errors);

internal sealed record DemoLead(
    string Id,
    string Email,
    string Source,
    string Stage,
    string Temperature,
    DemoScore Score
);

internal sealed record DemoScore(int Fit, int Engagement, int Total);

internal sealed record TimelineItem(string Kind, string Summary);

internal sealed record CampaignStats(IReadOnlyDictionary<string, long> Totals);
