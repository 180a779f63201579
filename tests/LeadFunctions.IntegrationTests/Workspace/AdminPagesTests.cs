using LeadFunctions.Core.Consent;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadFunctions.IntegrationTests.Workspace;

/// <summary>
/// Lifting a suppression and changing the scoring model are an admin's: the master key's session sees the pages in
/// the menu and does both; a function key's session is offered neither page nor action, and is refused both.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdminPagesTests(AzuriteFixture azurite)
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

    [Fact]
    public async Task Admin_ChangesTheScoringModel_AMistakeIsShownAndNothingSaved_AMarketerIsRefused()
    {
        await using var host = await TestHost.StartAsync(azurite);
        await using var marketer = await WorkspaceBrowser.OpenAsync(host);
        await marketer.SignInAsync(TestHost.FunctionKey);
        Assert.Equal(0, await marketer.Page.GetByRole(AriaRole.Link, new() { Name = "Scoring" }).CountAsync());
        Assert.Equal(403, (await marketer.GoAsync("/api/app/scoring"))!.Status);

        await using var admin = await WorkspaceBrowser.OpenAsync(host);
        var page = admin.Page;
        await admin.SignInAsync(TestHost.MasterKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Scoring" }).ClickAsync();
        var model = page.GetByLabel("The scoring model (JSON)");
        var json = await model.InputValueAsync();
        Assert.Contains("\"mqlThreshold\": 60", json, StringComparison.Ordinal);
        await admin.AssertAccessibleAsync("workspace-scoring");

        await model.FillAsync(json.Replace("\"mqlThreshold\": 60", "\"mqlThreshold\": 0", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.Contains(
            "mqlThreshold",
            await page.GetByRole(AriaRole.Alert).InnerTextAsync(),
            StringComparison.Ordinal
        );
        Assert.Equal(60, await ThresholdAsync(host));

        await model.FillAsync(json.Replace("\"mqlThreshold\": 60", "\"mqlThreshold\": 45", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        Assert.Equal(45, await ThresholdAsync(host));
    }

    private static async Task<int> ThresholdAsync(TestHost host)
    {
        using var response = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, "/api/scoring-model", TestHost.MasterKey)
        );
        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("mqlThreshold").GetInt32();
    }
}
