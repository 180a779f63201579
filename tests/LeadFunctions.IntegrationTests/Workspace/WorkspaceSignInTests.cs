using System.Net;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Workspace;

/// <summary>
/// Signing in to the workspace as a person does, in chromium: sent to the sign-in page, a wrong key refused, the
/// function key opening the campaigns, the session cookie's flags, no key anywhere in a page or an address, the
/// language switch sticking, sign-out; and, with a plain HTTP client, a cross-site POST without the form's token and
/// an expired session refused with nothing changed.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WorkspaceSignInTests(AzuriteFixture azurite)
{
    private const string Campaign = """
        { "name": "Fuar & \"Aşk\" takibi", "active": true, "trigger": { "sources": ["fair"] },
          "steps": [ { "id": "welcome", "delay": "P1D", "subject": "Merhaba", "html": "<p>Merhaba</p>",
            "text": "Merhaba" } ] }
        """;

    [Fact]
    public async Task SignIn_WithTheFunctionKey_OpensTheCampaigns_AndSignOutEndsTheSession()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using (var put = await host.SendJsonWithKeyAsync(HttpMethod.Put, "/api/campaigns/fair", Campaign))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        await using var person = await WorkspaceBrowser.OpenAsync(host);
        var page = person.Page;
        await person.GoAsync("/api/app/campaigns");
        Assert.Equal("/api/app/signin", new Uri(page.Url).AbsolutePath);
        Assert.Equal("?returnTo=%2Fapi%2Fapp%2Fcampaigns", new Uri(page.Url).Query);
        await person.AssertAccessibleAsync("workspace-signin");

        await page.GetByLabel("Access key").FillAsync("not-a-key");
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.Locator("main form button[type=submit]").ClickAsync(),
            r => r.Url.EndsWith("/api/app/signin", StringComparison.Ordinal)
        );
        Assert.Equal(401, refused.Status);
        Assert.Equal(
            "This key is not valid. Check it and try again.",
            await page.GetByRole(Microsoft.Playwright.AriaRole.Alert).InnerTextAsync()
        );

        await page.GetByLabel("Access key").FillAsync(TestHost.FunctionKey);
        await page.Locator("main form button[type=submit]").ClickAsync();
        Assert.Equal("/api/app/campaigns", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Campaigns", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Fuar & \"Aşk\" takibi", await page.Locator("#active tbody th a").InnerTextAsync());
        Assert.Equal(
            "page",
            await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Campaigns" })
                .GetAttributeAsync("aria-current")
        );
        await person.AssertAccessibleAsync("workspace-campaigns");

        var session = (await person.Context.CookiesAsync()).Single(c => c.Name == "lf_session");
        Assert.True(session.HttpOnly);
        Assert.Equal(Microsoft.Playwright.SameSiteAttribute.Strict, session.SameSite);
        Assert.Equal(-1, session.Expires);
        Assert.DoesNotContain(TestHost.FunctionKey, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.All(person.Requested, url => Assert.DoesNotContain(TestHost.FunctionKey, url, StringComparison.Ordinal));
        Assert.All(person.Requested, url => Assert.StartsWith(person.Root.ToString(), url, StringComparison.Ordinal));

        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        Assert.Equal("/api/app/dashboard", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Lead pipeline", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Funnel by source", await page.Locator("#funnel h2").InnerTextAsync());
        Assert.Contains("Fuar &", await page.Locator("#campaigns").InnerTextAsync(), StringComparison.Ordinal);
        await person.AssertAccessibleAsync("workspace-dashboard");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Campaigns" }).ClickAsync();

        await page.GetByLabel("Language").SelectOptionAsync("tr");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Change" }).ClickAsync();
        Assert.Equal("Kampanyalar", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("tr", await page.Locator("html").GetAttributeAsync("lang"));
        await person.GoAsync("/api/app/campaigns");
        Assert.Equal("Kampanyalar", await page.Locator("h1").InnerTextAsync());

        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Çıkış yap" }).ClickAsync();
        Assert.Equal("/api/app/signin", new Uri(page.Url).AbsolutePath);
        await person.GoAsync("/api/app/campaigns");
        Assert.Equal("/api/app/signin", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task CrossSitePost_WithoutTheFormsToken_IsRefused_AndTheSessionLives()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var client = Client(host);
        await SignInAsync(client);

        // What another site's form can send: the cookies (were SameSite not there), never the page's token.
        using var forged = await client.PostAsync(
            "/api/app/signout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" })
        );
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var still = await client.GetAsync("/api/app/campaigns");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);

        // A token from another person's page is not this session's either.
        using var other = Client(host);
        var (_, othersToken) = await SignInPageAsync(other);
        using var foreign = await client.PostAsync(
            "/api/app/signout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__lf_token"] = othersToken })
        );
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        using var alive = await client.GetAsync("/api/app/campaigns");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Session_PastItsLifetime_SendsToSignIn()
    {
        var clock = new ShiftedClock();
        await using var host = await TestHost.StartAsync(
            azurite,
            builder => builder.Services.AddSingleton<TimeProvider>(clock),
            settings: "--Workspace:SessionLifetime=01:00:00"
        );
        using var client = Client(host);
        await SignInAsync(client);
        using (var open = await client.GetAsync("/api/app/campaigns"))
        {
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }

        clock.Offset = TimeSpan.FromMinutes(61);
        using var expired = await client.GetAsync("/api/app/campaigns");
        Assert.Equal(HttpStatusCode.SeeOther, expired.StatusCode);
        Assert.StartsWith("/api/app/signin", expired.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ToAnotherSite_StaysInTheWorkspace()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var client = Client(host);
        var (cookies, token) = await SignInPageAsync(client);
        _ = cookies;
        using var signedIn = await client.PostAsync(
            "/api/app/signin",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["__lf_token"] = token,
                    ["key"] = TestHost.FunctionKey,
                    ["returnTo"] = "//evil.example/api/app/x",
                }
            )
        );
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal("/api/app/campaigns", signedIn.Headers.Location!.OriginalString);
    }

    /// <summary>
    /// As on Azure behind App Service Authentication: the sign-in page links to the platform's sign-in, the principal
    /// the platform passes on opens a session (an admin may do all), one without a role is told so, and every cookie is
    /// Secure although the worker sees plain HTTP.
    /// </summary>
    [Fact]
    public async Task AppServiceSignIn_ThePlatformsPrincipal_OpensASession_AndCookiesAreSecure()
    {
        await using var host = await TestHost.StartAsync(azurite, settings: "--Workspace:SignIn=AppService");
        using var anonymous = Client(host);
        using var page = await anonymous.GetAsync("/api/app/signin");
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.IsSuccessStatusCode, $"{(int)page.StatusCode} {html}");
        Assert.Contains(
            "/.auth/login/aad?post_login_redirect_uri=%2Fapi%2Fapp%2Fsignin",
            html,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("name=\"key\"", html, StringComparison.Ordinal);
        Assert.All(page.Headers.GetValues("Set-Cookie"), c =>
            Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase)
        );

        using var nobody = Client(host);
        using var noRole = await nobody.SendAsync(Principal("Deniz", "reader"));
        Assert.Equal(HttpStatusCode.Forbidden, noRole.StatusCode);
        Assert.Contains("no workspace role", await noRole.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var admin = Client(host);
        using var signedIn = await admin.SendAsync(Principal("Ayşe Yılmaz", "admin"));
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        var session = signedIn
            .Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith("lf_session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);

        // The cookie is Secure, so a client on plain HTTP does not send it back: here it is sent by hand.
        var cookie = session.Split(';')[0];
        var scoring = new HttpRequestMessage(HttpMethod.Get, "/api/app/scoring");
        scoring.Headers.Add("Cookie", cookie);
        using var scoringPage = await anonymous.SendAsync(scoring);
        Assert.Equal(HttpStatusCode.OK, scoringPage.StatusCode);
        Assert.Contains("Ayşe Yılmaz", await scoringPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Signing out goes through App Service's own sign-out, which would otherwise sign the person straight back in.
        var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/app/signout")
        {
            Content = new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["__lf_token"] = TokenOf(await scoringPage.Content.ReadAsStringAsync()),
                }
            ),
        };
        signOut.Headers.Add("Cookie", $"{cookie}; {AntiforgeryCookie(scoringPage)}");
        using var signedOut = await anonymous.SendAsync(signOut);
        Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
        Assert.Equal(
            "/.auth/logout?post_logout_redirect_uri=%2Fapi%2Fapp%2Fsignin",
            signedOut.Headers.Location!.OriginalString
        );
    }

    /// <summary>The anti-forgery cookie a page set (sent by hand, as it is Secure).</summary>
    private static string AntiforgeryCookie(HttpResponseMessage page) =>
        page
            .Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith("lf_antiforgery=", StringComparison.Ordinal))
            .Split(';')[0];

    private static HttpRequestMessage Principal(string name, string role)
    {
        var json = $$"""
            {"auth_typ":"aad","name_typ":"name","role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
             "claims":[{"typ":"name","val":"{{name}}"},{"typ":"roles","val":"{{role}}"}]}
            """;
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/app/signin");
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)));
        return request;
    }

    internal static HttpClient Client(TestHost host) => WorkspaceForms.Client(host.Client.BaseAddress!);

    /// <summary>Signs <paramref name="client"/> in with <paramref name="key"/> through the sign-in form.</summary>
    internal static Task SignInAsync(HttpClient client, string key = TestHost.FunctionKey) =>
        WorkspaceForms.SignInAsync(client, key);

    /// <summary>The sign-in page's anti-forgery token, as a browser would find it in the form.</summary>
    internal static async Task<(string Html, string Token)> SignInPageAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/api/app/signin");
        return (html, TokenOf(html));
    }

    internal static string TokenOf(string html) => WorkspaceForms.TokenOf(html);
}
