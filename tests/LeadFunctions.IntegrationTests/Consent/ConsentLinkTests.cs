using System.Net;
using System.Text.RegularExpressions;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Consent;

/// <summary>
/// Double opt-in and unsubscribe end to end: the real host and Azurite, the real SendGrid client pointed at a
/// stand-in, the links followed as a mail scanner (GET) and as the person (POST) would.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ConsentLinkTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SendGridStandIn sendGrid = null!;
    private TestHost host = null!;

    public async Task InitializeAsync()
    {
        sendGrid = await SendGridStandIn.StartAsync();
        host = await TestHost.StartAsync(
            azurite,
            settings:
            [
                .. sendGrid.HostSettings,
                "--Consent:DoubleOptIn=web,DE",
                "--Host:PublicBaseUrl=https://leads.example.com/",
            ]
        );
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await sendGrid.DisposeAsync();
    }

    private static HttpRequestMessage Browser(HttpMethod method, string url, string? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (the person)");
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        }

        return request;
    }

    /// <summary>The confirmation link of the stand-in's email to <paramref name="email"/>, as a path on the test
    /// host.</summary>
    private async Task<string> ConfirmationLinkAsync(string email)
    {
        var sent = await Eventually.GetAsync(
            () => Task.FromResult(sendGrid.Accepted.FirstOrDefault(e => e.To == email)),
            because: "the confirmation email"
        );
        var link = ConfirmLink().Match(sent.Text!).Value;
        Assert.StartsWith("https://leads.example.com/api/consent/confirm?t=", link, StringComparison.Ordinal);
        return new Uri(link).PathAndQuery;
    }

    [Fact]
    public async Task DoubleOptIn_PendingUntilThePersonConfirms_ScannerGetChangesNothing_SecondClickNothingMore()
    {
        var id = await ConsentHttp.SubmitAsync(host, "doi@example.com");
        var pending = await ConsentHttp.ConsentAsync(host, id, v => v.Records.Count > 0);
        Assert.Equal("pending", pending.State["email"]);

        var sent = await Eventually.GetAsync(() =>
            Task.FromResult(sendGrid.Accepted.SingleOrDefault(e => e.To == "doi@example.com"))
        );
        Assert.Equal(
            (id, "confirmation"),
            (sent.CustomArgs[MailCustomArgs.LeadId], sent.CustomArgs[MailCustomArgs.Kind])
        );
        Assert.Equal(SendGridStandIn.FromEmail, sent.From);
        var link = await ConfirmationLinkAsync("doi@example.com");

        // A scanner's GET: a page with a button, and still pending.
        using (var page = await host.Client.SendAsync(Browser(HttpMethod.Get, link)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
            Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        }

        Assert.Equal("pending", (await ConsentHttp.ConsentAsync(host, id)).State["email"]);

        // The person's click.
        using (var confirmed = await host.Client.SendAsync(Browser(HttpMethod.Post, link, string.Empty)))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            Assert.Contains(
                "Your subscription is confirmed.",
                await confirmed.Content.ReadAsStringAsync(),
                StringComparison.Ordinal
            );
        }

        var granted = await ConsentHttp.ConsentAsync(host, id);
        Assert.Equal("granted", granted.State["email"]);
        var confirmation = Assert.Single(granted.Records, r => r.Action == "confirmed");
        Assert.Equal(
            ("confirmation_link", "127.0.0.1", "Mozilla/5.0 (the person)"),
            (confirmation.Source, confirmation.Ip, confirmation.UserAgent)
        );

        using (var again = await host.Client.SendAsync(Browser(HttpMethod.Post, link, string.Empty)))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains("already confirmed", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(2, (await ConsentHttp.ConsentAsync(host, id)).Records.Count);
        Assert.Single(sendGrid.Accepted, e => e.To == "doi@example.com");
    }

    [Fact]
    public async Task DoubleOptIn_ByCountry_AppliesToThatCountryOnly()
    {
        var fromImportDe = await ConsentHttp.SubmitAsync(host, "berlin@example.de", country: "DE", source: "fair");
        var fromImportTr = await ConsentHttp.SubmitAsync(
            host,
            "istanbul@example.com.tr",
            country: "TR",
            source: "fair"
        );
        Assert.Equal(
            "pending",
            (await ConsentHttp.ConsentAsync(host, fromImportDe, v => v.Records.Count > 0)).State["email"]
        );
        await ConfirmationLinkAsync("berlin@example.de");
        Assert.Equal(
            "granted",
            (await ConsentHttp.ConsentAsync(host, fromImportTr, v => v.Records.Count > 0)).State["email"]
        );
    }

    [Fact]
    public async Task ExpiredConfirmationLink_SaysSo_410_AndChangesNothing()
    {
        var id = await ConsentHttp.SubmitAsync(host, "late@example.com");
        await ConsentHttp.ConsentAsync(host, id, v => v.Records.Count > 0);
        var expired = ConsentHttp.ConfirmUrl(id, "submission-any", DateTimeOffset.UtcNow.AddMinutes(-1));

        using var page = await host.Client.SendAsync(Browser(HttpMethod.Post, expired, string.Empty));
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("This link has expired", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        using var api = await host.Client.PostAsync(expired, null);
        Assert.Equal(HttpStatusCode.Gone, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal("pending", (await ConsentHttp.ConsentAsync(host, id)).State["email"]);
    }

    [Fact]
    public async Task Unsubscribe_GetShowsAButtonAndChangesNothing_OneClickPostWithdrawsAndSuppresses()
    {
        // A fair lead: no double opt-in for this source, so granted at once.
        var id = await ConsentHttp.SubmitAsync(host, "leaving@example.com", source: "fair");
        await ConsentHttp.ConsentAsync(host, id, v => v.Records.Count > 0);
        var url = ConsentHttp.UnsubscribeUrl(id);

        using (var page = await host.Client.SendAsync(Browser(HttpMethod.Get, url)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Abonelikten çık", html, StringComparison.Ordinal);
            Assert.Contains("Unsubscribe", html, StringComparison.Ordinal);
        }

        await Task.Delay(500);
        var before = await ConsentHttp.ConsentAsync(host, id);
        Assert.DoesNotContain(before.Records, r => r.Action == "withdrawn");

        // RFC 8058: a POST with List-Unsubscribe=One-Click, from a mail provider (no browser).
        using (
            var oneClick = await host.Client.PostAsync(
                url,
                new StringContent(
                    "List-Unsubscribe=One-Click",
                    System.Text.Encoding.ASCII,
                    "application/x-www-form-urlencoded"
                )
            )
        )
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        }

        var after = await ConsentHttp.ConsentAsync(host, id);
        Assert.Equal("withdrawn", after.State["email"]);
        var withdrawal = Assert.Single(after.Records, r => r.Action == "withdrawn");
        Assert.Equal("unsubscribe_link", withdrawal.Source);

        var suppressions = await host.GetJsonWithKeyAsync<System.Text.Json.JsonElement>("/api/suppressions");
        var entry = Assert.Single(suppressions.GetProperty("items").EnumerateArray());
        Assert.Equal(SuppressionKey.For("leaving@example.com"), entry.GetProperty("hash").GetString());
        Assert.Equal("unsubscribed", entry.GetProperty("reason").GetString());

        // The same link again: nothing new on the ledger.
        using (await host.Client.PostAsync(url, null)) { }
        Assert.Single((await ConsentHttp.ConsentAsync(host, id)).Records, r => r.Action == "withdrawn");

        // And the İYS export carries the refusal.
        var export = await host.GetJsonWithKeyAsync<LeadFunctions.Core.Consent.IysExport>(
            $"/api/consent/iys-export?from={DateTimeOffset.UtcNow.AddDays(-1):yyyy-MM-dd}&to={DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-dd}"
        );
        Assert.Contains(export!.Items, r =>
            r is { Recipient: "leaving@example.com", Status: "RET", Source: "HS_EPOSTA" }
        );
    }

    [Fact]
    public async Task BadTokens_4xx_AndNothingChanges()
    {
        var ada = await ConsentHttp.SubmitAsync(host, "ada.tokens@example.com", source: "fair");
        await ConsentHttp.ConsentAsync(host, ada, v => v.Records.Count > 0);
        var bora = LeadId.FromEmail("bora.tokens@example.com");
        var adaToken = ConsentHttp.UnsubscribeUrl(ada)["/api/unsubscribe?t=".Length..];
        var boraToken = ConsentHttp.UnsubscribeUrl(bora)["/api/unsubscribe?t=".Length..];
        var forged = new ConsentTokens("someone-else's-secret-of-32-characters!!").Issue(
            new ConsentToken(TokenPurpose.Unsubscribe, ada, null, null)
        );
        var confirmToken = ConsentHttp.ConfirmUrl(ada, "submission-x", DateTimeOffset.UtcNow.AddDays(1))[
            "/api/consent/confirm?t=".Length..
        ];
        string[] urls =
        [
            "/api/unsubscribe",
            "/api/unsubscribe?t=",
            $"/api/unsubscribe?t={adaToken[..^3]}",
            $"/api/unsubscribe?t={Uri.EscapeDataString(forged)}",
            $"/api/unsubscribe?t={boraToken.Split(".")[0]}.{adaToken.Split(".")[1]}",
            $"/api/unsubscribe?t={confirmToken}",
            $"/api/consent/confirm?t={adaToken}",
            "/api/consent/confirm?t=' or 1 eq 1",
        ];
        foreach (var url in urls)
        {
            using var response = await host.Client.PostAsync(
                url,
                new StringContent(
                    "List-Unsubscribe=One-Click",
                    System.Text.Encoding.ASCII,
                    "application/x-www-form-urlencoded"
                )
            );
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var page = await host.Client.SendAsync(Browser(HttpMethod.Get, $"/api/unsubscribe?t={adaToken[..^3]}"));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("This link is not valid", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal("granted", (await ConsentHttp.ConsentAsync(host, ada)).State["email"]);
        var suppressions = await host.GetJsonWithKeyAsync<System.Text.Json.JsonElement>("/api/suppressions");
        Assert.Empty(suppressions.GetProperty("items").EnumerateArray());
    }

    [GeneratedRegex(@"https://leads\.example\.com/api/consent/confirm\?t=\S+")]
    private static partial Regex ConfirmLink();
}
