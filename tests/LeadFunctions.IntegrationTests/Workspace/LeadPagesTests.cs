using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Leads;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadFunctions.IntegrationTests.Workspace;

/// <summary>
/// The lead pages in chromium against Azurite and the real host: a lead submitted through the public form found by
/// the beginning of her email, her page with her name exactly as typed, her consent and timeline; sales decisions
/// (a missing reason refused beside its field), enrollment and the export; erasure only for an admin who types the
/// address; and the page's storage reads, the same however many other leads there are.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LeadPagesTests(AzuriteFixture azurite)
{
    private const string Email = "ayse.ask@example.com";
    private const string Name = "Ayşe & \"Aşk\" Yılmaz";

    private const string Campaign = """
        { "name": "Karşılama & takip", "active": true, "trigger": { "sources": ["webinar"] },
          "steps": [ { "id": "welcome", "delay": "P1D", "subject": "Merhaba", "html": "<p>Merhaba</p>",
            "text": "Merhaba" } ] }
        """;

    private static readonly string Id = LeadId.FromEmail(Email);

    [Fact]
    public async Task FunctionKeyUser_FindsHer_SeesHerPage_DecidesEnrollsExports_ButCannotErase()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using (var put = await host.SendJsonWithKeyAsync(HttpMethod.Put, "/api/campaigns/welcome", Campaign))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        await SubmitAsync(host, Email, "Ayşe & \"Aşk\"");
        await SubmitAsync(host, "ayla@example.com", "Ayla");
        await using var person = await WorkspaceBrowser.OpenAsync(host);
        var page = person.Page;
        await person.SignInAsync(TestHost.FunctionKey, "/api/app/leads");
        Assert.Equal("/api/app/leads", new Uri(page.Url).AbsolutePath);

        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("AYSE.a");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        Assert.StartsWith("?q=AYSE.a&stage=&", new Uri(page.Url).Query, StringComparison.Ordinal);
        var found = page.Locator("#results-title + table tbody tr");
        Assert.Equal(1, await found.CountAsync());
        Assert.Equal(Name, await found.Locator("th a").InnerTextAsync());
        Assert.Equal(Email, await found.Locator("td").First.InnerTextAsync());
        await person.AssertAccessibleAsync("workspace-leads");

        var opened = await page.RunAndWaitForResponseAsync(
            () => found.Locator("th a").ClickAsync(),
            r => r.Url.EndsWith($"/api/app/leads/{Id}", StringComparison.Ordinal)
        );
        var html = await opened.TextAsync();
        Assert.Contains("<h1>Ayşe &amp; &quot;Aşk&quot; Yılmaz</h1>", html, StringComparison.Ordinal);
        Assert.Equal(Name, await page.Locator("h1").InnerTextAsync());
        Assert.Equal(0, await page.Locator("h1 *").CountAsync());
        Assert.Contains("granted", await page.Locator("#consent").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("form", await page.Locator("#consent table").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("submission", await page.Locator("#timeline").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#erasure").CountAsync());
        Assert.DoesNotContain("/erasure", await page.ContentAsync(), StringComparison.Ordinal);
        await person.AssertAccessibleAsync("workspace-lead");

        await page.GetByLabel("Campaign", new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = "Karşılama & takip" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Enroll in the campaign" }).ClickAsync();
        Assert.Equal("?done=enrolled", new Uri(page.Url).Query);
        Assert.Equal("The lead was enrolled in the campaign.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains(
            "Next step welcome, waiting until",
            await page.Locator("#campaigns").InnerTextAsync(),
            StringComparison.Ordinal
        );

        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Disqualify" }).ClickAsync(),
            r => r.Url.EndsWith("/decisions", StringComparison.Ordinal)
        );
        Assert.Equal(400, refused.Status);
        Assert.StartsWith("Say why, in 1 to 200 characters", await page.Locator("#reason-error").InnerTextAsync());
        Assert.Equal("true", await page.GetByLabel("Reason for disqualifying").GetAttributeAsync("aria-invalid"));
        Assert.Equal("lead", (await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{Id}"))?.Stage);
        await person.AssertAccessibleAsync("workspace-lead-refused");

        await page.GetByLabel("Reason for disqualifying").FillAsync("No budget this year");
        await page.GetByRole(AriaRole.Button, new() { Name = "Disqualify" }).ClickAsync();
        Assert.Equal("?done=disqualify", new Uri(page.Url).Query);
        Assert.Equal("The lead was disqualified.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("Stage: Disqualified", await page.Locator("#stage h2").InnerTextAsync());
        var decided = await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{Id}");
        Assert.Equal(("disqualified", "No budget this year"), (decided?.Stage, decided?.DisqualifyReason));
        await person.AssertAccessibleAsync("workspace-lead-decided");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download everything held (JSON)" }).ClickAsync()
        );
        Assert.Equal($"lead-{Id}.json", download.SuggestedFilename);
        var downloaded = JsonNode.Parse(await File.ReadAllTextAsync(await download.PathAsync()))!.AsObject();
        var exported = (await host.GetJsonWithKeyAsync<JsonObject>($"/api/leads/{Id}/export"))!;
        downloaded.Remove("exportedAt");
        exported.Remove("exportedAt");
        Assert.True(JsonNode.DeepEquals(exported, downloaded), downloaded.ToJsonString());

        // What a person without the admin role can send anyway: refused, nothing erased.
        using var client = WorkspaceSignInTests.Client(host);
        await WorkspaceSignInTests.SignInAsync(client);
        var token = WorkspaceSignInTests.TokenOf(await client.GetStringAsync($"/api/app/leads/{Id}"));
        using var forbidden = await PostAsync(client, $"/api/app/leads/{Id}/erasure", token, ("email", Email));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var forged = await PostAsync(client, $"/api/app/leads/{Id}/erasure", null, ("email", Email));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotNull(await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{Id}"));
    }

    [Fact]
    public async Task MasterKeyUser_ErasesAfterTypingTheAddress_AWrongAddressErasesNothing()
    {
        await using var host = await TestHost.StartAsync(azurite);
        await SubmitAsync(host, Email, "Ayşe & \"Aşk\"");
        await using var person = await WorkspaceBrowser.OpenAsync(host);
        var page = person.Page;
        await person.SignInAsync(TestHost.MasterKey, $"/api/app/leads/{Id}");
        var confirm = page.GetByLabel("Type the lead's email address to confirm");
        var erase = page.GetByRole(AriaRole.Button, new() { Name = "Erase this person" });

        await confirm.FillAsync("ayse@example.com");
        var wrong = await page.RunAndWaitForResponseAsync(
            () => erase.ClickAsync(),
            r => r.Url.EndsWith("/erasure", StringComparison.Ordinal)
        );
        Assert.Equal(400, wrong.Status);
        Assert.Equal(
            "This is not the lead's email address; nothing was erased.",
            await page.Locator("#email-error").InnerTextAsync()
        );
        Assert.Equal("true", await confirm.GetAttributeAsync("aria-invalid"));
        await person.AssertAccessibleAsync("workspace-lead-erasure");
        Assert.NotNull(await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{Id}"));

        await confirm.FillAsync(Email.ToUpperInvariant());
        await erase.ClickAsync();
        Assert.Equal("/api/app/leads", new Uri(page.Url).AbsolutePath);
        Assert.Equal("The person was erased.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        using var gone = await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Get, $"/api/leads/{Id}"));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(404, (await person.GoAsync($"/api/app/leads/{Id}"))?.Status);
        Assert.Equal(404, (await person.GoAsync("/api/app/leads/not-a-lead"))?.Status);
    }

    /// <summary>
    /// The workspace's pages read a bounded number of table rows, whatever the number of leads: the campaign list,
    /// a campaign's results, the lead search and the lead page, each read the same with 3 and with 30 other leads.
    /// </summary>
    [Fact]
    public async Task Pages_TheirStorageReads_TheSameWithThreeOrThirtyOtherLeads()
    {
        var reads = new TableReads();

        // The timers read tables in the background (the nurture dispatcher every 5 s): all off (a function is named
        // as its class), so that only the pages' reads are counted.
        await using var host = await TestHost.StartAsync(
            azurite,
            b =>
                b.Services.PostConfigureAll<TableClientOptions>(o => o.AddPolicy(reads, HttpPipelinePosition.PerRetry)),
            settings: FunctionsOff.Settings(typeof(TimerFunctionAttribute))
        );
        using (var put = await host.SendJsonWithKeyAsync(HttpMethod.Put, "/api/campaigns/fair", FairCampaign))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        await SubmitAsync(host, Email, "Ayşe");
        using var client = WorkspaceSignInTests.Client(host);
        await WorkspaceSignInTests.SignInAsync(client);
        string[] pages =
        [
            "/api/app/campaigns",
            "/api/app/campaigns/fair",
            "/api/app/leads?q=ayse",
            "/api/app/leads?stage=lead&temperature=cold",
            $"/api/app/leads/{Id}",
        ];

        await SubmitOthersAsync(host, 0, 3);
        var withThree = await ReadsOfThePagesAsync(client, reads, pages);
        await SubmitOthersAsync(host, 3, 30);
        // The addresses folded into the index's runs (the timer, every minute, off here), as most are.
        await host.Services.GetRequiredService<ILeadEmailIndex>().CompactAsync(1000, default);
        var withThirty = await ReadsOfThePagesAsync(client, reads, pages);

        // The lead page: one point read of the lead row, which carries the newest of its timeline and consent ledger;
        // campaigns are cached. The search by email: a range of the email index's log and one of its runs, and a point
        // read per lead found.
        static IEnumerable<(string, int)> ByTable(SortedDictionary<string, int> reads) =>
            reads.Select(r =>
                (
                    new[] { TableNames.Leads, TableNames.LeadEmails, TableNames.LeadEmailBlocks }.Single(t =>
                        r.Key.EndsWith(t, StringComparison.Ordinal)
                    ),
                    r.Value
                )
            );
        Assert.Equal([(TableNames.Leads, 1)], ByTable(withThree[$"/api/app/leads/{Id}"]));
        Assert.Equal(
            [(TableNames.LeadEmailBlocks, 1), (TableNames.LeadEmails, 1), (TableNames.Leads, 1)],
            ByTable(withThree["/api/app/leads?q=ayse"])
        );
        Assert.All(pages, page => Assert.Equal(withThree[page], withThirty[page]));
    }

    private const string FairCampaign = """
        { "name": "Fair", "active": true, "trigger": { "sources": ["fair"] },
          "steps": [ { "id": "welcome", "delay": "P1D", "subject": "Merhaba", "html": "<p>Merhaba</p>",
            "text": "Merhaba" } ] }
        """;

    private static async Task<Dictionary<string, SortedDictionary<string, int>>> ReadsOfThePagesAsync(
        HttpClient client,
        TableReads reads,
        string[] pages
    )
    {
        var counted = new Dictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            // Once to fill the campaign catalog's cache, then counted.
            using (var warm = await client.GetAsync(page))
            {
                Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
            }

            // The queue functions may still be reading tables for the leads submitted last; they only add reads, so of
            // three counts the smallest is the page's own.
            for (var count = 0; count < 3; count++)
            {
                reads.Start();
                using var response = await client.GetAsync(page);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var seen = reads.Stop();
                if (!counted.TryGetValue(page, out var least) || seen.Values.Sum() < least.Values.Sum())
                {
                    counted[page] = seen;
                }
            }
        }

        return counted;
    }

    private static async Task SubmitOthersAsync(TestHost host, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            await SubmitAsync(host, $"other{i}@example.com", $"Other {i}", wait: false);
        }

        await Eventually.TrueAsync(
            async () =>
                (await host.GetJsonWithKeyAsync<LeadPageView>("/api/leads?pageSize=100"))?.Items.Count == to + 1,
            because: "every lead to be processed"
        );
    }

    private static async Task SubmitAsync(TestHost host, string email, string firstName, bool wait = true)
    {
        using var response = await host.Client.PostAsJsonAsync(
            "/api/leads",
            new
            {
                email,
                firstName,
                lastName = "Yılmaz",
                company = "Acme A.Ş.",
                phone = "+90 532 123 45 67",
                country = "TR",
                language = "tr",
                source = "fair",
                consentEmail = true,
            }
        );
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        if (wait)
        {
            await Eventually.GetAsync(
                () => host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{LeadId.FromEmail(email)}"),
                because: "the lead to be processed"
            );
        }
    }

    private static Task<HttpResponseMessage> PostAsync(
        HttpClient client,
        string path,
        string? token,
        params (string Name, string Value)[] fields
    )
    {
        var form = fields.ToDictionary(f => f.Name, f => f.Value);
        if (token is not null)
        {
            form["__lf_token"] = token;
        }

        return client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>Table reads (GETs), by table, while counting.</summary>
    private sealed class TableReads : HttpPipelineSynchronousPolicy
    {
        private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);
        private volatile bool counting;

        public void Start()
        {
            counts.Clear();
            counting = true;
        }

        public SortedDictionary<string, int> Stop()
        {
            counting = false;
            return new SortedDictionary<string, int>(counts, StringComparer.Ordinal);
        }

        public override void OnSendingRequest(HttpMessage message)
        {
            if (counting && message.Request.Method == RequestMethod.Get)
            {
                var segment = message.Request.Uri.Path[(message.Request.Uri.Path.LastIndexOf('/') + 1)..];
                counts.AddOrUpdate(segment.Split('(')[0], 1, (_, n) => n + 1);
            }
        }
    }
}
