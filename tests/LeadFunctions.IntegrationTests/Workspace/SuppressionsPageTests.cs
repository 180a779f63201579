using LeadFunctions.Core.Consent;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadFunctions.IntegrationTests.Workspace;

/// <summary>
/// Lifting a suppression is an admin's: the master key's session sees the page in the menu, looks an address up and
/// lifts it; a function key's session is offered neither the page nor the action, and is refused both.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SuppressionsPageTests(AzuriteFixture azurite)
{
    private const string Address = "ayse.yilmaz@acme.com.tr";

    [Fact]
    public async Task Admin_LooksUpAndLiftsASuppression_AMarketerIsOfferedNeither()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var list = host.Services.GetRequiredService<ISuppressionList>();
        await list.SuppressAsync(
            Address,
            SuppressionReason.SpamReport,
            DateTimeOffset.UtcNow,
            "spamreport e1",
            default
        );

        await using var marketer = await WorkspaceBrowser.OpenAsync(host);
        await marketer.SignInAsync(TestHost.FunctionKey);
        Assert.Equal(0, await marketer.Page.GetByRole(AriaRole.Link, new() { Name = "Suppressions" }).CountAsync());
        Assert.Equal(403, (await marketer.GoAsync($"/api/app/suppressions?email={Address}"))!.Status);
        using var client = WorkspaceSignInTests.Client(host);
        await WorkspaceSignInTests.SignInAsync(client);
        var token = WorkspaceSignInTests.TokenOf(await client.GetStringAsync("/api/app/campaigns"));
        using var forbidden = await client.PostAsync(
            "/api/app/suppressions/lift",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__lf_token"] = token, ["email"] = Address })
        );
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.True(await list.IsSuppressedAsync(Address, default));

        await using var admin = await WorkspaceBrowser.OpenAsync(host);
        var page = admin.Page;
        await admin.SignInAsync(TestHost.MasterKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Suppressions" }).ClickAsync();
        Assert.Contains("spamreport e1", await page.Locator("#newest").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Email address").FillAsync("AYSE.Yilmaz@acme.com.tr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        Assert.Equal(
            "This address is suppressed: nothing is sent to it.",
            await page.Locator("#answer p").First.InnerTextAsync()
        );
        await admin.AssertAccessibleAsync("workspace-suppressions");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lift the suppression" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The suppression was lifted.");
        Assert.Equal("This address is not suppressed.", await page.Locator("#answer p").First.InnerTextAsync());
        Assert.False(await list.IsSuppressedAsync(Address, default));
    }
}
