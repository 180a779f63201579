using System.Net;
using System.Net.Http.Json;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Intake;

[Collection(AzuriteCollection.Name)]
public sealed class WebFormTests(AzuriteFixture azurite)
{
    private const string Site = "https://www.example.com.tr";

    private Task<TestHost> StartAsync(params string[] settings) =>
        TestHost.StartAsync(azurite, settings: [$"--Intake:AllowedOrigins:0={Site}", .. settings]);

    private static async Task<int> QueuedAsync(TestHost host) =>
        (await host.Queue(QueueNames.LeadIntake).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    [Fact]
    public async Task Multipart_PlainHtmlForm_WithRedirect_303BackToTheSite()
    {
        await using var host = await StartAsync("--AzureWebJobs.ProcessLeadIntake.Disabled=true");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("ilkay.isik@example.com"), "email" },
            { new StringContent("İlkay"), "firstName" },
            { new StringContent("Işık"), "lastName" },
            { new StringContent("on"), "consentEmail" },
            { new StringContent($"{Site}/tesekkurler"), "redirect" },
        };
        using var response = await host.Client.PostAsync("/api/leads", form);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"{Site}/tesekkurler", response.Headers.Location?.ToString());
        Assert.Equal(1, await QueuedAsync(host));
    }

    [Fact]
    public async Task Redirect_ToAnotherSite_400AndNothingQueued()
    {
        await using var host = await StartAsync();
        using var response = await host.Client.PostAsync(
            "/api/leads",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["email"] = "a@example.com",
                    ["redirect"] = "https://evil.example.net/phish",
                }
            )
        );
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await QueuedAsync(host));
    }

    [Theory]
    [InlineData("website", "http://spam.example")]
    [InlineData("formStartedAt", "now")]
    public async Task BotSignals_NormalLookingAnswer_NothingStored(string field, string value)
    {
        await using var host = await StartAsync();
        var fields = new Dictionary<string, string>
        {
            ["email"] = "bot@example.com",
            [field] =
                value == "now"
                    ? DateTimeOffset
                        .UtcNow.ToUnixTimeMilliseconds()
                        .ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : value,
        };
        using var response = await host.Client.PostAsync("/api/leads", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("accepted", (await response.Content.ReadFromJsonAsync<SubmissionAccepted>())!.Status);
        await Task.Delay(300);
        Assert.Equal(0, await QueuedAsync(host));
    }

    [Theory]
    [InlineData(-20, "O")] // filled in 20 s
    [InlineData(120, "O")] // the visitor's clock runs 2 minutes fast
    [InlineData(3 * 3600, "yyyy-MM-ddTHH:mm:ss")] // Istanbul local time written without its offset
    public async Task FillTime_LongEnoughOrFromAClockAhead_IsAccepted(int offsetSeconds, string format)
    {
        await using var host = await StartAsync("--AzureWebJobs.ProcessLeadIntake.Disabled=true");
        var started = DateTimeOffset
            .UtcNow.AddSeconds(offsetSeconds)
            .ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        using var response = await host.Client.PostAsJsonAsync(
            "/api/leads",
            new { email = "human@example.com", formStartedAt = started }
        );
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, await QueuedAsync(host));
    }

    [Fact]
    public async Task IdempotencyKey_RetriedPost_OneSubmission()
    {
        await using var host = await StartAsync();
        string? id = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/leads")
            {
                Content = JsonContent.Create(new { email = "retry@example.com", firstName = "Emre" }),
            };
            request.Headers.Add("Idempotency-Key", "form-7f3a-1");
            using var response = await host.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            id = (await response.Content.ReadFromJsonAsync<SubmissionAccepted>())!.Id;
        }

        await Eventually.TrueAsync(async () =>
            await QueuedAsync(host) == 0 && await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}") is not null
        );
        await Task.Delay(500);
        var timeline = await host.GetJsonWithKeyAsync<List<TimelineEntryView>>($"/api/leads/{id}/timeline");
        Assert.Single(timeline!, e => e.Kind == "submission");
    }

    [Fact]
    public async Task IdempotencyKey_Malformed_400()
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/leads")
        {
            Content = JsonContent.Create(new { email = "a@example.com" }),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 300));
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await QueuedAsync(host));
    }

    [Fact]
    public async Task Cors_AllowedOriginOnly()
    {
        await using var host = await StartAsync();
        async Task<string?> PreflightAsync(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/api/leads");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type");
            using var response = await host.Client.SendAsync(request);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values)
                ? values.Single()
                : null;
        }

        Assert.Equal(Site, await PreflightAsync(Site));
        Assert.Null(await PreflightAsync("https://evil.example.net"));
    }

    [Fact]
    public async Task RateLimit_PerIp_429WithRetryAfter()
    {
        await using var host = await StartAsync(
            "--Intake:PermitsPerMinute=3",
            "--AzureWebJobs.ProcessLeadIntake.Disabled=true"
        );
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await host.Client.PostAsJsonAsync("/api/leads", new { email = $"rate{i}@example.com" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(
            [HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests],
            statuses
        );
        Assert.NotNull(last!.Headers.RetryAfter);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, await QueuedAsync(host));
        last.Dispose();
    }
}
