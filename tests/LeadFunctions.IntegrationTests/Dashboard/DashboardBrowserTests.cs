using System.Net;
using System.Net.Http.Json;
using System.Text;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadFunctions.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard in a real browser: data seeded through the public routes, the page opened with the function key
/// as ?code=, a lead whose name is a script shown as text, nothing fetched from another origin, Turkish for a
/// Turkish browser. Screenshots: bin/…/artifacts/dashboard.png and dashboard-tr.png.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardBrowserTests(AzuriteFixture azurite)
{
    private const string Script = "<script>window.__pwned=1</script>";

    private const string Campaign = """
        { "name": "Fuar takibi & İzmir", "active": true,
          "trigger": { "sources": ["fair"] },
          "steps": [ { "id": "welcome", "delay": "P1D", "subject": "Merhaba", "html": "<p>Merhaba</p>",
            "text": "Merhaba" } ] }
        """;

    [Fact]
    public async Task Dashboard_SeededThroughTheRoutes_RendersInChromiumWithNothingRunAndNothingFetchedElsewhere()
    {
        await using var host = await TestHost.StartAsync(azurite);
        await SeedAsync(host);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var address = new Uri(host.Client.BaseAddress!, $"/api/dashboard?code={TestHost.FunctionKey}");

        var english = await browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "en-US,en;q=0.9" },
            }
        );
        var page = await english.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        var response = await page.GotoAsync(address.ToString());

        Assert.Equal(200, response!.Status);
        Assert.StartsWith(
            "default-src 'none'",
            (await response.AllHeadersAsync())["content-security-policy"],
            StringComparison.Ordinal
        );
        Assert.Equal("Funnel by source", await page.Locator("#funnel h2").InnerTextAsync());
        Assert.Contains("fair", await page.Locator("#funnel table").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#funnel svg").CountAsync());
        Assert.Contains("All 2 leads.", await page.Locator("#scores").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("#temperatures svg rect").CountAsync());
        Assert.Contains("Hot", await page.Locator("#temperatures svg").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(Script, await page.Locator("#mqls tbody tr td").First.InnerTextAsync());
        Assert.Contains(
            "Fuar takibi & İzmir",
            await page.Locator("#campaigns").InnerTextAsync(),
            StringComparison.Ordinal
        );
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'"));
        Assert.Equal("attention", await page.Locator("#work").GetAttributeAsync("class"));
        Assert.Equal(["lead-events", "0", "1", "—"], await page.Locator("#work tr.bad td").AllInnerTextsAsync());
        await page.ScreenshotAsync(
            new PageScreenshotOptions { Path = Path.Combine(Chromium.Artifacts, "dashboard.png"), FullPage = true }
        );
        Assert.All(requested, url =>
            Assert.StartsWith(host.Client.BaseAddress!.ToString(), url, StringComparison.Ordinal)
        );

        var turkish = await browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "tr" },
            }
        );
        var sayfa = await turkish.NewPageAsync();
        await sayfa.GotoAsync(address.ToString());
        Assert.Equal("tr", await sayfa.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Kaynağa göre huni", await sayfa.Locator("#funnel h2").InnerTextAsync());
        Assert.Equal(Script, await sayfa.Locator("#mqls tbody tr td").First.InnerTextAsync());
        await sayfa.ScreenshotAsync(
            new PageScreenshotOptions { Path = Path.Combine(Chromium.Artifacts, "dashboard-tr.png"), FullPage = true }
        );
    }

    /// <summary>The address people bookmarked before the workspace: with its key it opens the dashboard as it
    /// always did; without, or with a wrong one, it goes to the workspace's sign-in, which comes back to the
    /// workspace's dashboard (the key typed in the address is not carried on).</summary>
    [Fact]
    public async Task Dashboard_BookmarkWithoutOrWithAWrongKey_GoesToSignIn_WithTheKeyItOpens_AnUnreadableLanguageEnglish()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var browser = WorkspaceForms.Client(host.Client.BaseAddress!);
        foreach (var bookmark in new[] { "/api/dashboard", "/api/dashboard?code=not-a-key" })
        {
            using var refused = await browser.GetAsync(bookmark);
            Assert.Equal(HttpStatusCode.SeeOther, refused.StatusCode);
            Assert.Equal("/api/app/signin?returnTo=%2Fapi%2Fapp%2Fdashboard", refused.Headers.Location?.OriginalString);
        }

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/dashboard?code={TestHost.FunctionKey}");
        request.Headers.TryAddWithoutValidation("Accept-Language", "tr;q=abc,,;=");
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"en\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Two leads and a campaign through the routes, a message in a poison queue, and an MQL named with a script. The
    /// form refuses markup in a name (400), so that lead comes the way a submission from another channel would: on the
    /// lead-intake queue. Done once the engagement posted to /api/events has made it an MQL.
    /// </summary>
    private static async Task SeedAsync(TestHost host)
    {
        using (
            var refused = await host.Client.PostAsJsonAsync(
                "/api/leads",
                new
                {
                    email = "ceo@acme.com",
                    firstName = Script,
                    source = "fair",
                }
            )
        )
        using (
            var form = await host.Client.PostAsJsonAsync(
                "/api/leads",
                new
                {
                    email = "deniz@example.com",
                    firstName = "Deniz",
                    source = "web",
                }
            )
        )
        {
            Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.Accepted), (refused.StatusCode, form.StatusCode));
        }

        await host
            .Services.GetRequiredService<ISubmissionQueue>()
            .EnqueueAsync(
                new LeadSubmission
                {
                    SubmissionId = "dashboard-script",
                    ReceivedAt = DateTimeOffset.UtcNow,
                    Email = "ceo@acme.com",
                    FirstName = Script,
                    JobTitle = "CEO",
                    Company = "Acme",
                    Source = "fair",
                },
                CancellationToken.None
            );
        await Eventually.TrueAsync(
            async () =>
                await host.GetJsonWithKeyAsync<Functions.Leads.LeadView>(
                    $"/api/leads/{LeadId.FromEmail("ceo@acme.com")}"
                )
                    is not null,
            because: "the lead"
        );
        foreach (
            var (type, n) in new[]
            {
                ("demo_request", 1),
                ("content_download", 2),
                ("webinar_attended", 3),
                ("demo_request", 4),
            }
        )
        {
            var request = TestHost.WithKey(HttpMethod.Post, "/api/events");
            request.Content = JsonContent.Create(
                new
                {
                    email = "ceo@acme.com",
                    type,
                    url = $"https://www.example.com/{n}",
                }
            );
            using var accepted = await host.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        // Work that failed for good: no route makes it, the queue listener's poison queue does.
        var poison = host.Queue(QueueNames.Poison(QueueNames.LeadEvents));
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync("{}");

        var put = TestHost.WithKey(HttpMethod.Put, "/api/campaigns/fair-follow-up");
        put.Content = new StringContent(Campaign, Encoding.UTF8, "application/json");
        using (var created = await host.Client.SendAsync(put))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await Eventually.TrueAsync(
            async () =>
                (
                    await host.GetJsonWithKeyAsync<Functions.Leads.LeadView>(
                        $"/api/leads/{LeadId.FromEmail("ceo@acme.com")}"
                    )
                )?.Stage == "mql",
            because: "the engagement makes the lead an MQL"
        );
    }
}
