using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.DataSubjects;

/// <summary>GET /api/leads/{id}/export: the lead partition and the rows about the person in the other tables, in one
/// document.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ExportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Export_HoldsTheLeadTimelineEventsConsentAndTheRowsInOtherTables()
    {
        await using var host = await TestHost.StartAsync(azurite);
        const string email = "export-me@acme.com";
        var id = LeadId.FromEmail(email);
        using var form = await host.Client.PostAsJsonAsync(
            "/api/leads",
            new
            {
                email,
                firstName = "Deniz",
                company = "Acme",
                consentEmail = true,
                consentText = "Kabul (v1)",
                referredBy = "friend@partner.com",
            }
        );
        Assert.Equal(HttpStatusCode.Accepted, form.StatusCode);
        await Eventually.GetAsync(() => host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"), because: "the lead");
        var eventRequest = TestHost.WithKey(HttpMethod.Post, "/api/events");
        eventRequest.Content = JsonContent.Create(
            new
            {
                email,
                type = "content_download",
                url = "https://www.example.com/ebook",
            }
        );
        using (await host.Client.SendAsync(eventRequest)) { }

        await Eventually.TrueAsync(
            async () => (await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"))!.Score.Engagement > 0,
            because: "the event scored"
        );
        using (await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Post, $"/api/leads/{id}/convert"))) { }

        var export = await Eventually.GetAsync(
            async () =>
                await host.GetJsonWithKeyAsync<JsonObject>($"/api/leads/{id}/export") is { } e
                && e["records"]!.AsArray().Count(r => (string?)r!["table"] == "Crm") == 3
                    ? e
                    : null,
            because: "the conversion's CRM rows"
        );

        Assert.Equal(email, (string?)export["lead"]!["email"]);
        Assert.Equal("friend@partner.com", (string?)export["referredBy"]);
        Assert.Contains(export["timeline"]!.AsArray(), e => (string?)e!["kind"] == "submission");
        Assert.Equal("content_download", (string?)Assert.Single(export["events"]!.AsArray())!["type"]);
        Assert.Equal("granted", (string?)Assert.Single(export["consent"]!.AsArray())!["action"]);
        var tables = export["records"]!.AsArray().Select(r => (string?)r!["table"]).ToList();
        Assert.Contains("Referrals", tables);
        Assert.Contains("ConsentChanges", tables);
        Assert.DoesNotContain("Suppressions", tables);

        using var missing = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, $"/api/leads/{LeadId.FromEmail("nobody@acme.com")}/export")
        );
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var anonymous = await host.Client.GetAsync(new Uri($"/api/leads/{id}/export", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
