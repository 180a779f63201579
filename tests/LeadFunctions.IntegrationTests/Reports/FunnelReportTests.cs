using System.Net;
using System.Net.Http.Json;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Leads;
using LeadFunctions.Functions.Reports;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Reports;

/// <summary>Stage moves counted as they happen, read back by source and month; a redelivered submission counts nothing
/// twice.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunnelReportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Funnel_BySourceAndMonth_FromCountersKeptAsStagesMove()
    {
        await using var host = await TestHost.StartAsync(azurite);
        foreach (
            var (email, source) in new[]
            {
                ("f1@acme.com", "fair"),
                ("f2@acme.com", "fair"),
                ("f3@acme.com", "fair"),
                ("w1@acme.com", "web"),
            }
        )
        {
            using var response = await host.Client.PostAsJsonAsync(
                "/api/leads",
                new
                {
                    email,
                    firstName = "Deniz",
                    source,
                    utm_campaign = "istanbul-2026",
                }
            );
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        string Id(string email) => LeadId.FromEmail(email);
        await Eventually.TrueAsync(
            async () =>
                await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{Id("w1@acme.com")}") is not null
                && await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{Id("f3@acme.com")}") is not null,
            because: "four leads"
        );
        using (
            await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Post, $"/api/leads/{Id("f1@acme.com")}/qualify"))
        ) { }

        var disqualify = TestHost.WithKey(HttpMethod.Post, $"/api/leads/{Id("f2@acme.com")}/disqualify");
        disqualify.Content = JsonContent.Create(new { reason = "No budget" });
        using (await host.Client.SendAsync(disqualify)) { }

        var report = await Eventually.GetAsync(
            async () =>
                (await host.GetJsonWithKeyAsync<FunnelReportView>("/api/reports/funnel?by=source")) is { } r
                && r.Items.FirstOrDefault(g => g.Key == "fair") is { Disqualified: 1 } fair
                && fair.Reached["sql"] == 1
                    ? r
                    : null,
            because: "the qualification and the disqualification counted"
        );
        var byFair = report.Items.Single(g => g.Key == "fair");
        Assert.Equal(3, byFair.Reached["lead"]);
        Assert.Equal(1, byFair.Reached["mql"]);
        Assert.Equal(Math.Round(1 / 3.0, 4), byFair.Conversion["lead→mql"]);
        Assert.Equal("No budget", Assert.Single(byFair.DisqualifyReasons).Reason);
        Assert.Equal(1, report.Items.Single(g => g.Key == "web").Reached["lead"]);

        var byCampaign = (await host.GetJsonWithKeyAsync<FunnelReportView>("/api/reports/funnel?by=campaign"))!;
        Assert.Equal(4, Assert.Single(byCampaign.Items).Reached["lead"]);

        using var bad = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, "/api/reports/funnel?by=colour&from=2026-13")
        );
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("\"by\"", body, StringComparison.Ordinal);
        Assert.Contains("\"from\"", body, StringComparison.Ordinal);
    }
}
