using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Referrals;
using LeadFunctions.Functions.Leads;
using LeadFunctions.Functions.Reports;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Reports;

/// <summary>Referrals from a web form and a fair list, the referrer not a lead yet, then one: the report and the link
/// follow.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReferralReportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task FormAndCsvReferrals_ListedUnderTheirReferrer_WhoIsLinkedOnceTheyAppear()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var form = await host.Client.PostAsJsonAsync(
            "/api/leads",
            new
            {
                email = "referred-1@acme.com",
                firstName = "Deniz",
                referredBy = "Referrer@Partner.com",
            }
        );
        Assert.Equal(HttpStatusCode.Accepted, form.StatusCode);
        var import = TestHost.WithKey(HttpMethod.Post, "/api/leads/import?source=fair");
        import.Content = new StringContent(
            "Email;First Name;Referred By\nreferred-2@acme.com;Ece;referrer@partner.com\n"
        );
        import.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv; charset=utf-8");
        using var imported = await host.Client.SendAsync(import);
        Assert.Equal(HttpStatusCode.Accepted, imported.StatusCode);

        var report = await Eventually.GetAsync(
            async () =>
                (await host.GetJsonWithKeyAsync<ReferralReportView>("/api/reports/referrals"))
                    is { Items: [{ Referrals: 2 }] } r
                    ? r
                    : null,
            because: "both referrals indexed"
        );
        var referrer = Assert.Single(report.Items);
        Assert.Equal(
            ("referrer@partner.com", LeadId.FromEmail("referrer@partner.com"), 0),
            (referrer.ReferrerEmail, referrer.ReferrerLeadId, referrer.Customers)
        );
        Assert.Equal(new Dictionary<string, int> { ["lead"] = 2 }, referrer.ByStage);

        // The referrer becomes a lead: the link (by email) now names a lead.
        using var joins = await host.Client.PostAsJsonAsync(
            "/api/leads",
            new { email = "referrer@partner.com", firstName = "Ozan" }
        );
        var referrerLead = await Eventually.GetAsync(
            () => host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{referrer.ReferrerLeadId}"),
            because: "the referrer's own lead"
        );
        Assert.Equal("referrer@partner.com", referrerLead.Email);

        // Qualifying one referral moves its row.
        var referred = LeadId.FromEmail("referred-1@acme.com");
        using var qualify = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Post, $"/api/leads/{referred}/qualify")
        );
        Assert.Equal(HttpStatusCode.OK, qualify.StatusCode);
        var after = await Eventually.GetAsync(
            async () =>
                (await host.GetJsonWithKeyAsync<ReferralReportView>("/api/reports/referrals"))
                    is { Items: [{ ByStage.Count: 2 } only] }
                    ? only
                    : null,
            because: "the stage change indexed"
        );
        Assert.Equal(new Dictionary<string, int> { ["lead"] = 1, ["sql"] = 1 }, after.ByStage);
    }

    [Fact]
    public async Task ABadReferrer_IsAFieldError_AndNothingIsStored()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var response = await host.Client.PostAsJsonAsync(
            "/api/leads",
            new { email = "self@acme.com", referredBy = "SELF@acme.com" }
        );
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("referredBy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await host.GetJsonWithKeyAsync<ReferralReportView>("/api/reports/referrals"))!.Items);
    }
}
