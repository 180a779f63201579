using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using LeadFunctions.Adapters;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Text;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Consent;

/// <summary>
/// POST /api/consent/import against the real host and Azurite, with the function that applies consent-import
/// messages switched off, so that the queued batches are read from the queue itself (ConsentLedgerTests
/// follows an import onto the ledger).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConsentImportTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Encoding Windows1254 = CodePagesEncodingProvider.Instance.GetEncoding(1254)!;
    private TestHost host = null!;

    public async Task InitializeAsync() =>
        host = await TestHost.StartAsync(azurite, settings: ["--AzureWebJobs.ProcessConsentImport.Disabled=true"]);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<HttpResponseMessage> ImportAsync(
        string csv,
        Encoding? encoding = null,
        string contentType = "text/csv",
        string? key = TestHost.FunctionKey,
        string query = ""
    )
    {
        using var request = key is null
            ? new HttpRequestMessage(HttpMethod.Post, "/api/consent/import" + query)
            : TestHost.WithKey(HttpMethod.Post, "/api/consent/import" + query, key);
        request.Content = new ByteArrayContent((encoding ?? Encoding.UTF8).GetBytes(csv));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await host.Client.SendAsync(request);
    }

    private async Task<List<ConsentImportBatch>> DrainAsync()
    {
        var queue = host.Queue(QueueNames.ConsentImport);
        var all = new List<ConsentImportBatch>();
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } batch)
        {
            all.AddRange(batch.Select(m => m.Body.ToObjectFromJson<ConsentImportBatch>(JsonDefaults.Options)!));
        }

        return all;
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("?origin=iys", true)]
    public async Task Origin_AnIysDownloadIsMarked_AnyOtherListIsOurs(string query, bool fromIys)
    {
        using var response = await ImportAsync(
            "ALICI;DURUM;İZİN TARİHİ\nayse@acme.com.tr;RET;2025-03-01\n",
            query: query
        );

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(fromIys, Assert.Single(await DrainAsync()).FromIys);
    }

    [Fact]
    public async Task Origin_Unknown_400NamingIt_NothingQueued()
    {
        using var response = await ImportAsync(
            "ALICI;DURUM;İZİN TARİHİ\nayse@acme.com.tr;RET;2025-03-01\n",
            query: "?origin=call-centre"
        );

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"origin\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await DrainAsync());
    }

    [Fact]
    public async Task IysDownload_GoodRowsQueuedWithTheirValues_BadRowsReportedByLineAndField()
    {
        const string csv =
            "ALICI;DURUM;İZİN TARİHİ;KAYNAK;TİP;ALICI TİPİ\n"
            + "Ayse@Acme.com.tr;ONAY;2025-03-01 14:30:00;HS_WEB;EPOSTA;BIREYSEL\n"
            + "mehmet@beta.com;RET;2025-03-02T09:00:00+00:00;hs_cagri_merkezi;EPOSTA;TACIR\n"
            + "not-an-email;ONAY;2025-03-01 14:30:00;HS_WEB;EPOSTA;BIREYSEL\n"
            + "x@beta.com;BELKİ;2025-03-01 14:30:00;HS_FAKS;FAKS;KAMU\n"
            + "y@beta.com;ONAY;2099-01-01 00:00:00;;;\n"
            + "z@beta.com;hayır;01.03.2025 14:30;;;\n";
        using var response = await ImportAsync(csv);
        var result = (await response.Content.ReadFromJsonAsync<ImportResult>())!;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(3, result.Accepted);
        Assert.Equal(3, result.RejectedCount);
        Assert.Equal([4L, 5L, 6L], result.Rejected.Select(r => r.Line));
        Assert.Equal(["email"], result.Rejected[0].Errors.Keys);
        Assert.Equal(
            ["recipientType", "source", "status", "type"],
            result.Rejected[1].Errors.Keys.Order(StringComparer.Ordinal)
        );
        Assert.Equal(["Is in the future."], result.Rejected[2].Errors["date"]);

        var batch = Assert.Single(await DrainAsync());
        Assert.Equal(result.ImportId, batch.ImportId);
        var ayse = Assert.Single(batch.Rows, r => r.Email == "ayse@acme.com.tr");
        Assert.Equal(2, ayse.Line);
        Assert.True(ayse.Granted);
        Assert.Equal(
            DateTimeOffset.Parse("2025-03-01T11:30:00Z", System.Globalization.CultureInfo.InvariantCulture),
            ayse.DecidedAt
        );
        Assert.Equal("HS_WEB", ayse.IysSource);
        Assert.Equal(ConsentChannel.Email, ayse.Channel);
        Assert.Equal(RecipientType.Individual, ayse.RecipientType);
        var mehmet = Assert.Single(batch.Rows, r => r.Email == "mehmet@beta.com");
        Assert.False(mehmet.Granted);
        Assert.Equal(
            DateTimeOffset.Parse("2025-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            mehmet.DecidedAt
        );
        Assert.Equal("HS_CAGRI_MERKEZI", mehmet.IysSource);
        Assert.Equal(RecipientType.Merchant, mehmet.RecipientType);
        var z = Assert.Single(batch.Rows, r => r.Email == "z@beta.com");
        Assert.False(z.Granted);
        Assert.Equal(
            DateTimeOffset.Parse("2025-03-01T11:30:00Z", System.Globalization.CultureInfo.InvariantCulture),
            z.DecidedAt
        );
        Assert.Null(z.IysSource);
    }

    [Fact]
    public async Task CallCentreList_EnglishHeadersAndMessageChannel()
    {
        using var response = await ImportAsync(
            "Email,Status,consentDate,Type,recipientType\na@acme.com,granted,2025-03-01T10:00:00Z,MESAJ,TACIR\n"
        );
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<ImportResult>())!.Accepted);

        var row = Assert.Single(Assert.Single(await DrainAsync()).Rows);
        Assert.Equal(ConsentChannel.Sms, row.Channel);
        Assert.Equal(RecipientType.Merchant, row.RecipientType);
    }

    [Fact]
    public async Task ExcelCsvOnTurkishWindows_NoCharsetDeclared_ReadAsWindows1254()
    {
        using var response = await ImportAsync(
            "E-posta;Durum;İzin Tarihi\r\nilkay@beta.com;Hayır;01.03.2025 14:30\r\n",
            Windows1254
        );
        var result = (await response.Content.ReadFromJsonAsync<ImportResult>())!;

        Assert.Equal(1, result.Accepted);
        Assert.False(Assert.Single(Assert.Single(await DrainAsync()).Rows).Granted);
    }

    [Fact]
    public async Task ManyRows_BatchesOfAHundredInSequence()
    {
        var csv = new StringBuilder("email,status,date\n");
        for (var i = 0; i < 250; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"p{i}@acme.com,ONAY,2025-03-01 10:00:00\n");
        }

        using var response = await ImportAsync(csv.ToString());
        Assert.Equal(250, (await response.Content.ReadFromJsonAsync<ImportResult>())!.Accepted);

        var batches = (await DrainAsync()).OrderBy(b => b.Sequence).ToList();
        Assert.Equal([0, 1, 2], batches.Select(b => b.Sequence));
        Assert.Equal([100, 100, 50], batches.Select(b => b.Rows.Count));
        Assert.Equal(250, batches.SelectMany(b => b.Rows).Select(r => r.Email).Distinct().Count());
    }

    [Theory]
    [InlineData("Name;Status;Date\nJane;ONAY;2025-03-01 10:00:00\n", "No email column")]
    [InlineData("Email\na@acme.com\n", "No status column")]
    public async Task MissingColumn_400NamingIt_NothingQueued(string csv, string says)
    {
        using var response = await ImportAsync(csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await DrainAsync());
    }

    [Fact]
    public async Task NotCsv_415_NothingQueued()
    {
        using var response = await ImportAsync(
            "{\"email\":\"a@acme.com\",\"status\":\"ONAY\"}",
            contentType: "application/json"
        );
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(await DrainAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task WithoutTheFunctionKey_401_NothingQueued(string? key)
    {
        using var response = await ImportAsync("email,status,date\na@acme.com,ONAY,2025-03-01 10:00:00\n", key: key);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await DrainAsync());
    }
}
