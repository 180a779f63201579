using LeadFunctions.Core.Campaigns;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadFunctions.IntegrationTests.Workspace;

/// <summary>
/// A marketer tests two subjects of an email, in chromium, without writing JSON: the email becomes an A/B test with
/// one button, a third variant is added and removed again, one variant gets three shares in four, the email goes at
/// 10:00 on weekdays; saved, the campaign holds what the API would, and the editor shows it again as it was made.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AbEmailPagesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Marketer_MakesAnEmailAnAbTest_AtATimeOfDay_OnTheFormsFields()
    {
        await using var host = await TestHost.StartAsync(azurite);
        await using var person = await WorkspaceBrowser.OpenAsync(host);
        var page = person.Page;
        await person.SignInAsync(TestHost.FunctionKey);

        await page.GetByRole(AriaRole.Link, new() { Name = "New campaign" }).ClickAsync();
        await page.Locator("#f-id").FillAsync("konu-testi");
        await page.Locator("#f-name").FillAsync("Konu testi");
        await page.Locator("#f-steps-0-subject").FillAsync("Merhaba {{ lead.firstName }}");
        await page.Locator("#f-steps-0-html").FillAsync("<p>Fuarda görüşelim</p>");
        await page.Locator("#f-steps-0-text").FillAsync("Fuarda görüşelim");
        await page.Locator("#f-steps-0-at-time").FillAsync("10:00");
        foreach (var day in new[] { "Mon", "Tue", "Wed", "Thu", "Fri" })
        {
            await page.Locator($"#f-steps-0-at-days-{day}").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Test variants of this email (A/B)" }).ClickAsync();
        await Assertions
            .Expect(page.Locator("#f-steps-0-variants-1-subject"))
            .ToHaveValueAsync("Merhaba {{ lead.firstName }}");
        await Assertions.Expect(page.Locator("#f-steps-0-variants-0-html")).ToHaveValueAsync("<p>Fuarda görüşelim</p>");
        Assert.Equal(0, await page.Locator("#f-steps-0-subject").CountAsync());
        Assert.Equal("10:00", await page.Locator("#f-steps-0-at-time").InputValueAsync());
        await page.Locator("#f-steps-0-variants-1-subject").FillAsync("Fuarda bir kahve, {{ lead.firstName }}?");
        await page.Locator("#f-steps-0-variants-0-weight").FillAsync("3");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a variant" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-steps-0-variants-2-id")).ToHaveValueAsync("c");
        await person.AssertAccessibleAsync("workspace-editor-ab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove variant c" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-steps-0-variants-2-id")).ToHaveCountAsync(0);
        Assert.Equal("3", await page.Locator("#f-steps-0-variants-0-weight").InputValueAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync("**/api/app/campaigns/konu-testi?done=saved");
        var saved = (
            await host.Services.GetRequiredService<ICampaignStore>().GetAsync("konu-testi", CancellationToken.None)
        )!;
        var email = Assert.Single(saved.Steps);
        Assert.Null(email.Content);
        Assert.Equal(
            [("a", 3, true, "Merhaba {{ lead.firstName }}"), ("b", 1, true, "Fuarda bir kahve, {{ lead.firstName }}?")],
            email.Variants.Select(v => (v.Id, v.Weight, v.Active, v.Content.Subject))
        );
        Assert.Equal(new TimeOnly(10, 0), email.At!.Time);
        Assert.Equal(5, email.At.Days.Count);

        // The editor shows the test as it was made, and the variant that lost can be switched off there.
        await person.GoAsync("/api/app/campaigns/konu-testi/edit");
        Assert.Equal("3", await page.Locator("#f-steps-0-variants-0-weight").InputValueAsync());
        Assert.True(await page.Locator("#f-steps-0-at-days-Fri").IsCheckedAsync());
        await page.Locator("#f-steps-0-variants-0-active-true").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync("**/api/app/campaigns/konu-testi?done=saved");
        saved = (
            await host.Services.GetRequiredService<ICampaignStore>().GetAsync("konu-testi", CancellationToken.None)
        )!;
        Assert.Equal([false, true], saved.Steps[0].Variants.Select(v => v.Active));
    }
}
