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
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync("**/api/app/campaigns/fuar?done=saved");
        Assert.Equal("/api/app/campaigns/fuar", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Fuar & \"Aşk\" takibi", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Saved.", await page.Locator("p.done").InnerTextAsync());
        var saved = await nurture.Get<ICampaignStore>().GetAsync("fuar", CancellationToken.None);
        Assert.False(saved!.Active);
        Assert.Equal(TimeSpan.FromDays(3), saved.Steps[1].Delay);
        Assert.NotNull(saved.SendWindow);

        await page.GetByRole(AriaRole.Button, new() { Name = "Activate" }).ClickAsync();
        Assert.Contains("Activated", await page.Locator("p.done").InnerTextAsync(), StringComparison.Ordinal);

        using (
            var form = await nurture.Host.Client.PostAsJsonAsync(
                "/api/leads",
                new
                {
                    email = "ayse@acme.com.tr",
                    firstName = "Ayşe",
                    consentEmail = true,
                }
            )
        )
        {
            Assert.Equal(HttpStatusCode.Accepted, form.StatusCode);
        }

        var email = await EmailAsync(nurture);
        Assert.Equal("Merhaba Ayşe", email.Subject);
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

    /// <summary>The welcome email, once the lead has entered: the timer run until it goes.</summary>
    private static async Task<SentEmail> EmailAsync(NurtureHost nurture)
    {
        var lead = LeadId.FromEmail("ayse@acme.com.tr");
        await Eventually.TrueAsync(
            async () => (await nurture.EnrollmentAsync(lead, "fuar")) is not null,
            TimeSpan.FromSeconds(30),
            "the form lead's enrollment"
        );
        return await nurture.FirstEmailAsync();
    }
}
