using System.Net;
using System.Net.Http.Json;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.IntegrationTests.Nurture;
using Microsoft.Playwright;

namespace LeadFunctions.IntegrationTests.Workspace;

/// <summary>
/// A marketer's campaign, made in chromium as a person makes it: a new campaign with a send window and a second email
/// added with the editor's button, a mistake shown next to its field and nothing saved, then saved (paused), activated
/// on its page; a web form lead enrolls, its email goes out and shows on the results page; paused again.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignPagesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Marketer_BuildsActivatesAndPausesACampaign_AFormLeadGetsItsEmail()
    {
        await using var nurture = await NurtureHost.StartAsync(azurite, "--Nurture:MinGapBetweenEmails=00:00:00");
        await using var person = await WorkspaceBrowser.OpenAsync(nurture.Host);
        var page = person.Page;
        await FormLeadAsync(nurture, "mehmet@acme.com.tr", "Mehmet", "Öz");
        await person.SignInAsync(Infrastructure.TestHost.FunctionKey);

        await page.GetByRole(AriaRole.Link, new() { Name = "New campaign" }).ClickAsync();
        Assert.Equal("New campaign", await page.Locator("h1").InnerTextAsync());
        await page.Locator("#f-id").FillAsync("fuar");
        await page.Locator("#f-name").FillAsync("Fuar & \"Aşk\" takibi");
        await page.Locator("#f-trigger-sources").FillAsync("web");
        await page.Locator("#f-sendWindow-from").FillAsync("00:00");
        await page.Locator("#f-sendWindow-to").FillAsync("23:59");
        foreach (var day in new[] { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" })
        {
            await page.Locator($"#f-sendWindow-days-{day}").CheckAsync();
        }

        await page.Locator("#f-steps-0-subject").FillAsync("Merhaba {{ lead.firstName }}");
        await page.Locator("#f-steps-0-html").FillAsync("<p>Merhaba {{ lead.firstName }}</p>");
        await page.Locator("#f-steps-0-text").FillAsync("Merhaba {{ lead.firstName }}");
        await page.Locator("#step-0 details summary").ClickAsync();
        await page.Locator("#f-steps-0-translations-en-subject").FillAsync("Hello {{ lead.firstName }}");
        await page.Locator("#f-steps-0-translations-en-html").FillAsync("<p>Hello {{ lead.firstName }}</p>");
        await page.Locator("#f-steps-0-translations-en-text").FillAsync("Hello {{ lead.firstName }}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an email" }).ClickAsync();
        await page.Locator("#f-steps-1-delay").WaitForAsync();
        Assert.Equal("Merhaba {{ lead.firstName }}", await page.Locator("#f-steps-0-subject").InputValueAsync());
        Assert.Equal("2 days", await page.Locator("#f-steps-1-delay").InputValueAsync());
        await page.Locator("#f-steps-1-html").FillAsync("<p>Bir hikâye</p>");
        await page.Locator("#f-steps-1-text").FillAsync("Bir hikâye");
        await person.AssertAccessibleAsync("workspace-editor");

        // The second email has no subject: the validator's word next to the field, and nothing saved.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.Contains(
            "Required",
            await page.Locator("#f-steps-1-subject-note").InnerTextAsync(),
            StringComparison.Ordinal
        );
        Assert.Equal("true", await page.Locator("#f-steps-1-subject").GetAttributeAsync("aria-invalid"));
        Assert.Null(await nurture.Get<ICampaignStore>().GetAsync("fuar", CancellationToken.None));
        await person.AssertAccessibleAsync("workspace-editor-errors");

        await page.Locator("#f-steps-1-subject").FillAsync("Bir başarı hikâyesi");
        await page.Locator("#f-steps-1-delay").FillAsync("3 gün");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a wait" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-steps-2-atMost")).ToHaveValueAsync("3 days");
        await Assertions.Expect(page.Locator("#f-steps-2-waitFor-clicked")).ToHaveValueAsync("email-2");
        await page.Locator("#f-steps-2-atMost").FillAsync("5 gün");
        await page.Locator("#f-steps-2-timeout").SelectOptionAsync("end");
        await person.AssertAccessibleAsync("workspace-editor-wait");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync("**/api/app/campaigns/fuar?done=saved");
        Assert.Equal("/api/app/campaigns/fuar", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Fuar & \"Aşk\" takibi", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Saved.", await page.Locator("p.done").InnerTextAsync());
        var saved = await nurture.Get<ICampaignStore>().GetAsync("fuar", CancellationToken.None);
        Assert.False(saved!.Active);
        Assert.Equal(TimeSpan.FromDays(3), saved.Steps[1].Delay);
        Assert.Equal(
            new StepWait(new WaitUntil { Clicked = "email-2" }, TimeSpan.FromDays(5), null, "end"),
            saved.Steps[2].Wait! with
            {
                Until = new WaitUntil { Clicked = saved.Steps[2].Wait!.Until.Clicked },
            }
        );
        Assert.NotNull(saved.SendWindow);
        Assert.Equal("Hello {{ lead.firstName }}", saved.Steps[0].Translations["en"].Subject);

        await PreviewAndTestAsync(nurture, person);

        await page.GetByRole(AriaRole.Button, new() { Name = "Activate" }).ClickAsync();
        Assert.Contains("Activated", await page.Locator("p.done").InnerTextAsync(), StringComparison.Ordinal);

        await FormLeadAsync(nurture, "ayse@acme.com.tr", "Ayşe", "Kaya");

        var email = await EmailAsync(nurture);
        Assert.Equal("Merhaba Ayşe", email.Subject);
        Assert.Equal("ayse@acme.com.tr", email.To);
        await nurture.StatsAsync("fuar", s => s.Steps.ContainsKey("welcome"));
        await page.ReloadAsync();
        var welcome = page.Locator("article.step").Filter(new() { HasText = "welcome" });
        Assert.Equal("1", await welcome.Locator("table.funnel tr").First.Locator("td").First.InnerTextAsync());
        await person.AssertAccessibleAsync("workspace-campaign");

        await page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        Assert.Contains("Paused", await page.Locator("p.done").InnerTextAsync(), StringComparison.Ordinal);
        Assert.False((await nurture.Get<ICampaignStore>().GetAsync("fuar", CancellationToken.None))!.Active);

        await person.GoAsync("/api/app/campaigns");
        Assert.Equal("Fuar & \"Aşk\" takibi", await page.Locator("#paused tbody th a").InnerTextAsync());
    }

    /// <summary>A Turkish page says the validator's words in Turkish, next to their fields (the API's are
    /// English).</summary>
    [Fact]
    public async Task OnATurkishPage_TheValidatorsWordsAreTurkish()
    {
        await using var host = await TestHost.StartAsync(azurite);
        await using var person = await WorkspaceBrowser.OpenAsync(host, "tr-TR,tr;q=0.9");
        var page = person.Page;
        await person.SignInAsync(TestHost.FunctionKey);

        await page.GetByRole(AriaRole.Link, new() { Name = "Yeni kampanya" }).ClickAsync();
        await page.Locator("#f-id").FillAsync("bos");
        await page.Locator("#f-sendWindow-from").FillAsync("18:00");
        await page.Locator("#f-sendWindow-to").FillAsync("09:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kaydet" }).ClickAsync();

        Assert.Equal("Gerekli.", await page.Locator("#f-name-note").InnerTextAsync());
        Assert.Equal(
            "Başlangıçtan sonra olmalı (bir gönderim aralığı gece yarısını geçmez).",
            await page.Locator("#f-sendWindow-to-note").InnerTextAsync()
        );
        Assert.Equal("true", await page.Locator("#f-name").GetAttributeAsync("aria-invalid"));
        await person.AssertAccessibleAsync("workspace-editor-errors-tr");
    }

    /// <summary>
    /// The preview for a lead found by the beginning of her email, in Turkish and in English, the HTML in a frame
    /// that may run nothing; then a test to the marketer's own address, which counts in no results.
    /// </summary>
    private static async Task PreviewAndTestAsync(NurtureHost nurture, WorkspaceBrowser person)
    {
        var page = person.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Preview and test" }).ClickAsync();
        await Assertions.Expect(page.Locator("#subject")).ToHaveTextAsync("Merhaba Ayşe");
        await page.Locator("#f-search").FillAsync("mehmet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.GetByLabel("Mehmet Öz <mehmet@acme.com.tr>").CheckAsync();
        await Assertions.Expect(page.Locator("#rendering .help")).ToContainTextAsync("mehmet@acme.com.tr");
        // His own language first (Turkish), then English, then Turkish chosen: each change swaps the page (htmx),
        // and each expectation waits for a text the page before it did not have.
        await Assertions.Expect(page.Locator("#subject")).ToHaveTextAsync("Merhaba Mehmet");
        await page.Locator("#f-language").SelectOptionAsync("en");
        await Assertions.Expect(page.Locator("#subject")).ToHaveTextAsync("Hello Mehmet");
        Assert.Equal("", await page.Locator("iframe").GetAttributeAsync("sandbox"));
        var frame = page.FrameLocator("iframe").Locator("body");
        await Assertions.Expect(frame).ToContainTextAsync("Hello Mehmet");
        await Assertions.Expect(frame).ToContainTextAsync("unsubscribe");
        await person.AssertAccessibleAsync("workspace-preview");
        await page.Locator("#f-language").SelectOptionAsync("tr");
        await Assertions.Expect(page.Locator("#subject")).ToHaveTextAsync("Merhaba Mehmet");
        await Assertions.Expect(frame).ToContainTextAsync("Merhaba Mehmet");

        await page.Locator("#f-to").FillAsync("ben@acme.com.tr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a test" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.done")).ToHaveTextAsync("A test went to ben@acme.com.tr.");
        var test = Assert.Single(nurture.SendGrid.Accepted);
        Assert.Equal("[Test] Merhaba Mehmet", test.Subject);
        Assert.Equal("test", test.CustomArgs[Core.Email.MailCustomArgs.Kind]);
        Assert.DoesNotContain(LeadId.FromEmail("mehmet@acme.com.tr"), test.Html, StringComparison.Ordinal);
        var stats = await nurture.Get<ICampaignStats>().ReadAsync("fuar", CancellationToken.None);
        Assert.Equal(0, stats.Totals.GetValueOrDefault(CampaignMetric.Sent));
        await page.GetByRole(AriaRole.Link, new() { Name = "Campaigns" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Fuar & \"Aşk\" takibi" }).ClickAsync();
    }

    private static async Task FormLeadAsync(NurtureHost nurture, string email, string firstName, string lastName)
    {
        using var form = await nurture.Host.Client.PostAsJsonAsync(
            "/api/leads",
            new
            {
                email,
                firstName,
                lastName,
                language = "tr",
                consentEmail = true,
            }
        );
        Assert.Equal(HttpStatusCode.Accepted, form.StatusCode);
        await Eventually.TrueAsync(
            async () =>
                await nurture.Get<ILeadStore>().FindAsync(LeadId.FromEmail(email), CancellationToken.None) is not null,
            because: "the form lead"
        );
    }

    /// <summary>The welcome email, once the lead has entered: the timer run until it goes.</summary>
    private static async Task<SentEmail> EmailAsync(NurtureHost nurture)
    {
        var lead = LeadId.FromEmail("ayse@acme.com.tr");
        await Eventually.TrueAsync(
            async () => (await nurture.EnrollmentAsync(lead, "fuar")) is not null,
            TimeSpan.FromSeconds(30),
            "the form lead's enrollment"
        );
        nurture.Clock.Offset += TimeSpan.FromMinutes(1);
        await nurture.TickAsync();
        return await Eventually.GetAsync(
            () => Task.FromResult(nurture.SendGrid.Accepted.FirstOrDefault(e => e.To == "ayse@acme.com.tr")),
            because: "the welcome email"
        );
    }
}
