using System.Net;
using System.Net.Http.Json;
using LeadFunctions.Core.Consent;
using LeadFunctions.Functions.Consent;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Consent;

[Collection(AzuriteCollection.Name)]
public sealed class IysExportTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestHost host = null!;

    public async Task InitializeAsync() => host = await TestHost.StartAsync(azurite);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static string Period(string format = "json") =>
        $"/api/consent/iys-export?from={DateTimeOffset.UtcNow.AddDays(-1):yyyy-MM-dd}&to={DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-dd}&format={format}";

    [Fact]
    public async Task Export_ListsTheChangesOfThePeriod_InIysShape_AsJsonAndCsv()
    {
        var id = await ConsentHttp.SubmitAsync(host, "iys.export@example.com");
        await ConsentHttp.ConsentAsync(host, id, v => v.Records.Count > 0);

        var export = await Eventually.GetAsync(
            async () => await host.GetJsonWithKeyAsync<IysExport>(Period()) is { Items.Count: > 0 } e ? e : null,
            because: "the change log"
        );
        var record = Assert.Single(export.Items);
        Assert.Equal(
            ("iys.export@example.com", "EPOSTA", "HS_WEB", "ONAY", "BIREYSEL"),
            (record.Recipient, record.Type, record.Source, record.Status, record.RecipientType)
        );
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", record.ConsentDate);

        using var csv = await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Get, Period("csv")));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split(
            '\n',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
        );
        Assert.Equal("Recipient,Type,Source,Status,ConsentDate,RecipientType", lines[0]);
        Assert.StartsWith("iys.export@example.com,EPOSTA,HS_WEB,ONAY,", lines[1], StringComparison.Ordinal);

        // Outside the period: nothing.
        var earlier = await host.GetJsonWithKeyAsync<IysExport>(
            "/api/consent/iys-export?from=2020-01-01&to=2020-02-01"
        );
        Assert.Empty(earlier!.Items);
    }

    [Fact]
    public async Task Export_DateOnlyPeriodOfOneDay_IncludesThatDay()
    {
        var id = await ConsentHttp.SubmitAsync(host, "iys.oneday@example.com");
        await ConsentHttp.ConsentAsync(host, id, v => v.Records.Count > 0);
        var today = $"{TurkeyTime.ToLocal(DateTimeOffset.UtcNow):yyyy-MM-dd}";

        using var response = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, $"/api/consent/iys-export?from={today}&to={today}")
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await Eventually.GetAsync(
            async () =>
                await host.GetJsonWithKeyAsync<IysExport>($"/api/consent/iys-export?from={today}&to={today}")
                    is { Items.Count: > 0 } e
                    ? e
                    : null,
            because: "the change log"
        );
        Assert.Contains(export.Items, r => r.Recipient == "iys.oneday@example.com");
    }

    [Fact]
    public async Task Export_PersonUnsubscribedByTwoLinks_OneRefusal()
    {
        var id = await ConsentHttp.SubmitAsync(host, "iys.twice@example.com", source: "fair");
        await ConsentHttp.ConsentAsync(host, id, v => v.Records.Count > 0);
        var ofASend =
            $"/api/unsubscribe?t={Uri.EscapeDataString(ConsentHttp.Tokens.Issue(new ConsentToken(TokenPurpose.Unsubscribe, id, null, null, "0123456789abcdef0123456789abcdef")))}";
        foreach (var url in new[] { ConsentHttp.UnsubscribeUrl(id), ofASend })
        {
            using var response = await host.Client.PostAsync(url, null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await ConsentHttp.ConsentAsync(host, id, v => v.Records.Count(r => r.Action == "withdrawn") == 2);
        var export = await host.GetJsonWithKeyAsync<IysExport>(Period());
        Assert.Single(export!.Items, r => r is { Recipient: "iys.twice@example.com", Status: "RET" });
    }

    [Theory]
    [InlineData("")]
    [InlineData("?from=2026-01-01")]
    [InlineData("?from=yesterday&to=2026-01-02")]
    [InlineData("?from=2026-02-01&to=2026-01-01")]
    [InlineData("?from=2026-01-01&to=2026-12-31")]
    [InlineData("?from=2026-01-01&to=2026-01-02&format=xml")]
    public async Task Export_BadPeriodOrFormat_400Problem(string query)
    {
        using var response = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, "/api/consent/iys-export" + query)
        );
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Export_WithoutKey_401()
    {
        using var response = await host.Client.GetAsync(Period());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
