using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using LeadFunctions.Adapters;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Text;
using LeadFunctions.Functions.Intake;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Intake;

[Collection(AzuriteCollection.Name)]
public sealed class CsvImportTests(AzuriteFixture azurite)
{
    private static Task<TestHost> StartAsync(AzuriteFixture azurite) =>
        TestHost.StartAsync(azurite, settings: "--AzureWebJobs.ProcessImportBatch.Disabled=true");

    private static async Task<HttpResponseMessage> ImportAsync(TestHost host, HttpContent content, string query = "")
    {
        var request = TestHost.WithKey(HttpMethod.Post, "/api/leads/import" + query);
        request.Content = content;
        return await host.Client.SendAsync(request);
    }

    private static readonly Encoding Windows1254 = CodePagesEncodingProvider.Instance.GetEncoding(1254)!;

    /// <summary>A CSV body without a declared charset, in UTF-8 unless said otherwise; a BOM when asked, and always in
    /// UTF-16.</summary>
    private static ByteArrayContent Csv(string text, Encoding? encoding = null, bool bom = false)
    {
        encoding ??= Encoding.UTF8;
        var preamble = bom || encoding is UnicodeEncoding ? encoding.GetPreamble() : [];
        var content = new ByteArrayContent([.. preamble, .. encoding.GetBytes(text)]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    /// <summary>Imports a file of one good row and returns what was queued for it.</summary>
    private static async Task<LeadSubmission> ImportOneAsync(TestHost host, HttpContent content)
    {
        using var response = await ImportAsync(host, content);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<ImportResult>())!.Accepted);
        return Assert.Single(await DrainAsync(host));
    }

    private static async Task<List<LeadSubmission>> DrainAsync(TestHost host) =>
        [.. (await DrainBatchesAsync(host)).SelectMany(b => b.Submissions)];

    private static async Task<List<ImportBatch>> DrainBatchesAsync(TestHost host)
    {
        var queue = host.Queue(QueueNames.LeadImport);
        var all = new List<ImportBatch>();
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } messages)
        {
            all.AddRange(messages.Select(m => m.Body.ToObjectFromJson<ImportBatch>(JsonDefaults.Options)!));
        }

        return all;
    }

    [Fact]
    public async Task TurkishExcelExport_SemicolonBomQuoted_GoodRowsQueuedBadRowsReported()
    {
        await using var host = await StartAsync(azurite);
        const string csv =
            "E-posta;Ad;Soyad;Şirket;Telefon;Ünvan;E-posta İzni\r\n"
            + "ayse@acme.com.tr;Ayşe;Yılmaz;\"Acme; Ticaret A.Ş.\";0532 111 22 33;Genel Müdür;Evet\r\n"
            + "not-an-email;Mehmet;Öz;Beta;;;\r\n"
            + "ilkay@beta.com;İlkay;Işık;Beta;;;Hayır\r\n"
            + "\"<script>\"@x.com;X;Y;Z;;;\r\n";
        using var response = await ImportAsync(host, Csv(csv, bom: true), "?source=fair-istanbul");
        var result = (await response.Content.ReadFromJsonAsync<ImportResult>())!;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, result.Accepted);
        Assert.Equal(2, result.RejectedCount);
        Assert.Equal([3L, 5L], result.Rejected.Select(r => r.Line));
        Assert.Contains("email", result.Rejected[0].Errors.Keys);

        var queued = await DrainAsync(host);
        var ayse = Assert.Single(queued, s => s.Email == "ayse@acme.com.tr");
        Assert.Equal("Acme; Ticaret A.Ş.", ayse.Company);
        Assert.Equal("Genel Müdür", ayse.JobTitle);
        Assert.Equal("fair-istanbul", ayse.Source);
        Assert.True(ayse.ConsentEmail);
        Assert.False(Assert.Single(queued, s => s.Email == "ilkay@beta.com").ConsentEmail);
    }

    [Fact]
    public async Task FairList_TwoColumnsForOneField_FirstWithAValueWins()
    {
        await using var host = await StartAsync(azurite);
        const string csv =
            "E-posta;Ad;Telefon;Cep Telefonu;E-mail\r\n"
            + "ayse@acme.com.tr;Ayşe;0212 555 11 22;;\r\n"
            + ";Mehmet;;0532 111 22 33;mehmet@beta.com\r\n";
        using var response = await ImportAsync(host, Csv(csv));
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<ImportResult>())!.Accepted);

        var queued = await DrainAsync(host);
        Assert.Equal("0212 555 11 22", Assert.Single(queued, s => s.Email == "ayse@acme.com.tr").Phone);
        Assert.Equal("0532 111 22 33", Assert.Single(queued, s => s.Email == "mehmet@beta.com").Phone);
    }

    [Fact]
    public async Task LineNumbers_FirstLineOfEachRow_AndAnUnbalancedQuoteReportsWhatItSwallowed()
    {
        await using var host = await StartAsync(azurite);
        const string csv =
            "Email,Company\n"
            + "a1@example.com,Acme\n"
            + "\n"
            + "a2@example.com,\"Beta\nBranch\"\n"
            + "a3@example.com,\"Gamma\n"
            + "a4@example.com,Delta\n"
            + "a5@example.com,Epsilon\n";
        using var response = await ImportAsync(host, Csv(csv));
        var result = (await response.Content.ReadFromJsonAsync<ImportResult>())!;

        Assert.Equal(1, result.Accepted);
        // a2 on its first line (a line break in a company is refused)
        Assert.Equal([4L, 6L], result.Rejected.Select(r => r.Line));
        var swallowed = result.Rejected[1];
        Assert.Contains("lines 6 to 8", Assert.Single(swallowed.Errors["row"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrmExport_TabSeparatedEnglishHeaders_NoConsentColumnMeansNoConsent()
    {
        await using var host = await StartAsync(azurite);
        using var response = await ImportAsync(
            host,
            Csv("First Name\tLast Name\tEmail Address\tCompany\nJane\tDoe\tjane@contoso.com\tContoso\n")
        );
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<ImportResult>())!.Accepted);
        var submission = Assert.Single(await DrainAsync(host));
        Assert.Equal("Jane", submission.FirstName);
        Assert.Equal("import", submission.Source);
        Assert.False(submission.ConsentEmail);
    }

    [Fact]
    public async Task Import_ProcessedInBatches_LeadsAppearWithTheImportRecorded()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var response = await ImportAsync(
            host,
            Csv("Email,First Name,Company,Country\nderya@acme.com,Derya,Acme,Türkiye\nonur@acme.com,Onur,Acme,TR\n"),
            "?source=trade-fair"
        );
        var importId = (await response.Content.ReadFromJsonAsync<ImportResult>())!.ImportId;

        var lead = await Eventually.GetAsync(() =>
            host.GetJsonWithKeyAsync<Functions.Leads.LeadView>(
                $"/api/leads/{Core.Leads.LeadId.FromEmail("derya@acme.com")}"
            )
        );
        Assert.Equal("trade-fair", lead.Source);
        Assert.Equal("TR", lead.Country);
        Assert.Equal(importId, lead.SourceDetail["importId"]);
        Assert.Equal("none", lead.Consent.Email);
        Assert.NotNull(
            await Eventually.GetAsync(() =>
                host.GetJsonWithKeyAsync<Functions.Leads.LeadView>(
                    $"/api/leads/{Core.Leads.LeadId.FromEmail("onur@acme.com")}"
                )
            )
        );
    }

    [Fact]
    public async Task ExcelCsvOnTurkishWindows_NoCharsetDeclared_ReadAsWindows1254AndLeadsNamedRight()
    {
        await using var host = await TestHost.StartAsync(azurite);
        const string csv = "E-posta;Ad;Soyad;Şirket\r\nsule@acme.com.tr;Şule;Işıkçı;Öztürk Ağ Hizmetleri\r\n";
        using var response = await ImportAsync(host, Csv(csv, Windows1254), "?source=fair");
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<ImportResult>())!.Accepted);

        var lead = await Eventually.GetAsync(() =>
            host.GetJsonWithKeyAsync<Functions.Leads.LeadView>(
                $"/api/leads/{Core.Leads.LeadId.FromEmail("sule@acme.com.tr")}"
            )
        );
        Assert.Equal("Şule", lead.FirstName);
        Assert.Equal("Işıkçı", lead.LastName);
        Assert.Equal("Öztürk Ağ Hizmetleri", lead.Company);
    }

    [Theory]
    [InlineData("windows-1254")]
    [InlineData("iso-8859-9")]
    public async Task DeclaredCharset_Honoured(string charset)
    {
        await using var host = await StartAsync(azurite);
        var content = Csv(
            "Email,First Name,Company\nilkay@beta.com,İlkay,Çağ Ltd.\n",
            CodePagesEncodingProvider.Instance.GetEncoding(charset)!
        );
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"text/csv; charset={charset}");
        var submission = await ImportOneAsync(host, content);
        Assert.Equal("İlkay", submission.FirstName);
        Assert.Equal("Çağ Ltd.", submission.Company);
    }

    [Fact]
    public async Task DeclaredUtf8_BadBytesStayAnErrorOfTheirRow()
    {
        await using var host = await StartAsync(azurite);
        var content = Csv("Email,First Name\nilkay@beta.com,İlkay\nayse@acme.com,Ayşe\n", Windows1254);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv; charset=utf-8");
        using var response = await ImportAsync(host, content);
        var result = (await response.Content.ReadFromJsonAsync<ImportResult>())!;

        Assert.Equal(0, result.Accepted);
        Assert.Equal([2L, 3L], result.Rejected.Select(r => r.Line));
        Assert.Contains("firstName", result.Rejected[0].Errors.Keys);
    }

    [Fact]
    public async Task ExcelUnicodeText_Utf16WithByteOrderMark_Read()
    {
        await using var host = await StartAsync(azurite);
        var content = Csv("E-posta\tAd\tŞirket\r\nayse@acme.com.tr\tAyşe\tIşık A.Ş.\r\n", Encoding.Unicode);
        var submission = await ImportOneAsync(host, content);
        Assert.Equal("Ayşe", submission.FirstName);
        Assert.Equal("Işık A.Ş.", submission.Company);
    }

    [Fact]
    public async Task UnknownCharset_415NamingIt_NothingQueued()
    {
        await using var host = await StartAsync(azurite);
        var content = Csv("Email\na@acme.com\n");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv; charset=klingon-8");
        using var response = await ImportAsync(host, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'klingon-8'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await DrainAsync(host));
    }

    [Fact]
    public async Task SalesforceExport_TitleCompanyAccountAndLeadSource()
    {
        await using var host = await StartAsync(azurite);
        const string csv =
            "First Name,Last Name,Title,Company / Account,Email,Lead Source\n"
            + "Jane,Doe,CTO,Contoso,jane@contoso.com,Trade Show\n"
            + "John,Roe,CFO,Fabrikam,john@fabrikam.com,\n"
            + "Jim,Poe,CEO,Tailspin,jim@tailspin.com,!!!\n";
        using var response = await ImportAsync(host, Csv(csv), "?source=crm");
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<ImportResult>())!.Accepted);

        var queued = await DrainAsync(host);
        var jane = Assert.Single(queued, s => s.Email == "jane@contoso.com");
        Assert.Equal("CTO", jane.JobTitle);
        Assert.Equal("Contoso", jane.Company);
        Assert.Equal("trade-show", jane.Source);
        Assert.Equal("crm", Assert.Single(queued, s => s.Email == "john@fabrikam.com").Source);
        Assert.Equal("crm", Assert.Single(queued, s => s.Email == "jim@tailspin.com").Source);
    }

    [Fact]
    public async Task HubSpotExport_PhoneNumberCompanyNameJobTitle()
    {
        await using var host = await StartAsync(azurite);
        const string csv =
            "First Name,Last Name,Email,Phone Number,Company Name,Job Title,Lifecycle Stage\n"
            + "Ayşe,Yılmaz,ayse@acme.com.tr,+90 532 111 22 33,Acme A.Ş.,Pazarlama Müdürü,lead\n";
        var submission = await ImportOneAsync(host, Csv(csv));
        Assert.Equal("+90 532 111 22 33", submission.Phone);
        Assert.Equal("Acme A.Ş.", submission.Company);
        Assert.Equal("Pazarlama Müdürü", submission.JobTitle);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("no-such-encoding")]
    public async Task FallbackEncoding_NotASingleByteEncoding_HostRefusesToStart(string setting)
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            TestHost.StartAsync(azurite, settings: $"--Import:FallbackEncoding={setting}")
        );
        Assert.Contains("Import:FallbackEncoding", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoEmailColumn_400NamingTheHeaders()
    {
        await using var host = await StartAsync(azurite);
        using var response = await ImportAsync(host, Csv("Name,Company\nJane,Contoso\n"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Name, Company", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await DrainAsync(host));
    }

    [Theory]
    [InlineData("application/json", "?")]
    [InlineData("text/csv", "?source=Bad Source!")]
    public async Task WrongTypeOrSource_4xx(string contentType, string query)
    {
        await using var host = await StartAsync(azurite);
        var content = Csv("Email\na@b.com\n");
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await ImportAsync(host, content, query);
        Assert.InRange((int)response.StatusCode, 400, 415);
        Assert.Empty(await DrainAsync(host));
    }

    [Fact]
    public async Task RowsTooBigForOneMessage_TheirBatchQueuedInPartsThatFit_EachRowOnce()
    {
        await using var host = await StartAsync(azurite);
        var csv = new StringBuilder("Email;Ad;Soyad;Şirket\n");
        for (var row = 0; row < ImportBatch.MaxRows; row++)
        {
            // Every letter is written escaped (6 bytes): about 2.7 KB of JSON a row.
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"kisi{row}@firma.com.tr;")
                .Append('ğ', 100)
                .Append(';')
                .Append('ş', 100)
                .Append(';')
                .Append('ı', 200)
                .Append('\n');
        }

        using var response = await ImportAsync(host, Csv(csv.ToString()));

        var result = (await response.Content.ReadFromJsonAsync<ImportResult>())!;
        Assert.Equal(ImportBatch.MaxRows, result.Accepted);
        var parts = await DrainBatchesAsync(host);
        Assert.InRange(parts.Count, 5, 7);
        Assert.All(parts, part => Assert.Equal((result.ImportId, 0), (part.ImportId, part.Sequence)));
        Assert.Equal(ImportBatch.MaxRows, parts.SelectMany(p => p.Submissions).Select(s => s.Email).Distinct().Count());
    }

    [Fact]
    public async Task HundredThousandRows_StreamThrough()
    {
        await using var host = await StartAsync(azurite);
        const int rows = 100_000;
        using var content = new StreamContent(
            new GeneratedCsv(rows, row =>
                row == 0
                    ? "Email;Ad;Soyad;Şirket\n"
                    : $"{(row % 1000 == 0 ? "broken" : $"kisi{row}@firma{row % 97}.com.tr")};Ad{row};Soyad;Firma "
                        + $"{row % 97}\n"
            )
        );
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await ImportAsync(host, content, "?source=purchased-list");

        var result = (await response.Content.ReadFromJsonAsync<ImportResult>())!;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(rows - (rows / 1000), result.Accepted);
        Assert.Equal(rows / 1000, result.RejectedCount);
        Assert.Equal(result.Accepted, (await DrainAsync(host)).Count);
    }

    [Fact]
    public async Task OverTheLimitWithoutContentLength_413SayingWhatWasQueued()
    {
        await using var host = await StartAsync(azurite);

        // 52 MB sent chunked, so only reading finds it too large; rows of a kilobyte with no valid email, so nothing is
        // queued.
        var filler = new string('x', 1000);
        using var content = new StreamContent(
            new GeneratedCsv(52_000, row => row == 0 ? "Email;Notes\n" : $"not-an-email;{filler}\n")
        );
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await ImportAsync(host, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(
            "The first 0 rows were queued",
            await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        Assert.Empty(await DrainAsync(host));
    }

    /// <summary>A CSV produced while it is read, never whole in memory: line 0 is the header.</summary>
    private sealed class GeneratedCsv(int rows, Func<int, string> line) : Stream
    {
        private int row = -1;
        private byte[] pending = [];
        private int offset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int count, int size)
        {
            if (offset == pending.Length)
            {
                if (++row > rows)
                {
                    return 0;
                }

                pending = Encoding.UTF8.GetBytes(line(row));
                offset = 0;
            }

            var n = Math.Min(size, pending.Length - offset);
            Array.Copy(pending, offset, buffer, count, n);
            offset += n;
            return n;
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
