using System.Net;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Security;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Consent;

[Collection(AzuriteCollection.Name)]
public sealed class ConsentLedgerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestHost host = null!;

    public async Task InitializeAsync() => host = await TestHost.StartAsync(azurite);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task FormConsent_IsOnTheLedger_WithRequestEvidence_AndOnTheTimeline()
    {
        var id = await ConsentHttp.SubmitAsync(host, "ledger@example.com");

        var view = await ConsentHttp.ConsentAsync(host, id, v => v.Records.Count > 0);
        Assert.Equal("granted", view.State["email"]);
        Assert.Equal("none", view.State["sms"]);
        var record = Assert.Single(view.Records);
        Assert.Equal(
            ("email", "granted", "form", "individual"),
            (record.Channel, record.Action, record.Source, record.RecipientType)
        );
        Assert.Equal("127.0.0.1", record.Ip);
        Assert.Equal("Mozilla/5.0 (consent test)", record.UserAgent);
        Assert.Equal("Kampanya e-postaları almayı kabul ediyorum (v2)", record.Text);
        Assert.Equal("granted", (await ConsentHttp.LeadAsync(host, id)).Consent.Email);

        var timeline = await host.GetJsonWithKeyAsync<List<LeadFunctions.Functions.Leads.TimelineEntryView>>(
            $"/api/leads/{id}/timeline"
        );
        Assert.Contains(timeline!, e =>
            e.Kind == "consent" && e.Summary.Contains("none → granted", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task UntickedBoxLater_DoesNotWithdraw()
    {
        var id = await ConsentHttp.SubmitAsync(host, "unticked@example.com");
        await ConsentHttp.ConsentAsync(host, id, v => v.Records.Count > 0);
        await ConsentHttp.SubmitAsync(host, "unticked@example.com", consent: false);
        await Task.Delay(1500);
        var view = await ConsentHttp.ConsentAsync(host, id);
        Assert.Equal("granted", view.State["email"]);
        Assert.Single(view.Records);
    }

    [Fact]
    public async Task ConsentImport_RefusalWinsOverOlderGrant_AndWaitsForSomeoneNotYetALead()
    {
        var id = await ConsentHttp.SubmitAsync(host, "imported@example.com");
        await ConsentHttp.ConsentAsync(host, id, v => v.Records.Count > 0);
        var later = DateTimeOffset.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        var csv =
            "E-posta;Durum;Tarih;Kaynak\n"
            + $"imported@example.com;RET;{later};HS_CAGRI_MERKEZI\n"
            + "imported@example.com;ONAY;2020-01-01 10:00:00;HS_WEB\n"
            + "future.lead@example.com;RET;2025-06-01 10:00:00;HS_CAGRI_MERKEZI\n";
        foreach (var _ in new[] { 1, 2 })
        {
            using var request = TestHost.WithKey(HttpMethod.Post, "/api/consent/import");
            request.Content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv");
            using var response = await host.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // Imported twice: each decision once on the ledger; the newer refusal wins over the form's grant and the old
        // ONAY.
        var view = await ConsentHttp.ConsentAsync(host, id, v =>
            v.Records.Count == 3 && v.State["email"] == "withdrawn"
        );
        Assert.Equal(2, view.Records.Count(r => r.Source == "import")); // a call centre's list: no ?origin=iys
        await Task.Delay(1000);
        Assert.Equal(3, (await ConsentHttp.ConsentAsync(host, id)).Records.Count);

        // Someone not yet a lead: the refusal waits in their partition, and a later form without the box keeps it.
        var future = await ConsentHttp.SubmitAsync(host, "future.lead@example.com", consent: false);
        var waiting = await ConsentHttp.ConsentAsync(host, future);
        Assert.Equal("withdrawn", waiting.State["email"]);
    }

    [Fact]
    public async Task GetConsent_UnknownOrMalformedLead_404_WithoutKey_401()
    {
        using var unknown = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, $"/api/leads/{LeadId.FromEmail("nobody@example.com")}/consent")
        );
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var malformed = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, "/api/leads/x'%20or%201%20eq%201/consent")
        );
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        using var noKey = await host.Client.GetAsync($"/api/leads/{LeadId.FromEmail("nobody@example.com")}/consent");
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }

    [Fact]
    public async Task LeadFromBeforeTheLedger_KeepsItsConsent_AndMovesItOntoTheLedgerAtItsNextWrite()
    {
        // A lead row as the intake wrote it before the ledger: the email status and the consent text on the lead.
        var id = await ConsentHttp.SubmitAsync(host, "legacy@example.com", consent: false);
        await ConsentHttp.LeadAsync(host, id);
        var leads = host.Table(TableNames.Leads);
        var row = (await leads.GetEntityAsync<TableEntity>(id, $"lead|{id}")).Value;
        row.Remove("ConsentState");
        row["Consent"] = "Granted";
        row["ConsentText"] = "old form text";
        await leads.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var before = await ConsentHttp.ConsentAsync(host, id);
        Assert.Equal("granted", before.State["email"]);
        Assert.Equal(("legacy", "old form text"), (Assert.Single(before.Records).Id, before.Records[0].Text));
        Assert.Equal("granted", (await ConsentHttp.LeadAsync(host, id)).Consent.Email);

        // The next write of the lead (here a form without the box ticked) records it on the ledger for good.
        await ConsentHttp.SubmitAsync(host, "legacy@example.com", consent: false);
        await Eventually.TrueAsync(async () =>
            await leads.GetEntityIfExistsAsync<TableEntity>(id, "c|" + StableId.From("legacy")) is { HasValue: true }
        );
        var after = await ConsentHttp.ConsentAsync(host, id);
        Assert.Equal("granted", after.State["email"]);
        Assert.Equal("old form text", Assert.Single(after.Records).Text);
    }
}
