using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.Testing;
using Microsoft.Playwright;

namespace LeadFunctions.IntegrationTests.Workspace;

/// <summary>
/// The import pages in chromium, on the real host and Azurite: a Turkish Excel "CSV" (Windows-1254, ';') previewed
/// with its letters right and its bad row's reason, nothing stored until Import, a mapping changed and previewed
/// again, then imported with exactly that mapping and its result shown; an İYS consent file's preview; a file that
/// is not a CSV, one over the limit and a mapping the import refuses shown on the page; a forged post refused with
/// nothing kept.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ImportPagesTests(AzuriteFixture azurite)
{
    private const string UploadContainer = "import-uploads";

    private static readonly Encoding Windows1254 = CodePagesEncodingProvider.Instance.GetEncoding(1254)!;

    private static readonly string LeadList =
        "E-posta;Ad;Soyad;Şirket\r\n"
        + "sule@acme.com.tr;Şule;Işıkçı;Öztürk Ağ Hizmetleri\r\n"
        + "igdir@acme.com.tr;İğdır;Çölgüç;Ünlü Şirket\r\n"
        + "bozuk-adres;Ayşe;Gül;Acme\r\n";

    [Fact]
    public async Task TurkishExcelLeadList_PreviewedRight_NothingStoredUntilImport_ImportedAsPreviewed()
    {
        await using var host = await TestHost.StartAsync(azurite);
        await using var person = await WorkspaceBrowser.OpenAsync(host);
        var page = person.Page;
        await person.SignInAsync(TestHost.FunctionKey, "/api/app/imports");
        Assert.Equal("Imports", await page.Locator("h1").InnerTextAsync());
        await person.AssertAccessibleAsync("workspace-imports");

        await page.GetByLabel("What the file holds").SelectOptionAsync("leads");
        await page.GetByLabel("Source name").FillAsync("fair");
        await page.GetByLabel("CSV file").SetInputFilesAsync(Upload("fuar.csv", "text/csv", LeadList, Windows1254));
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();

        Assert.Matches("^/api/app/imports/[0-9a-f]{32}$", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Import preview", await page.Locator("h1").InnerTextAsync());
        Assert.Contains(
            "windows-1254",
            await page.Locator("#encoding-note").InnerTextAsync(),
            StringComparison.Ordinal
        );
        Assert.Contains("(;)", await page.Locator("#delimiter-note").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("email", await page.GetByLabel("Column 1 (E-posta)").InputValueAsync());
        Assert.Equal("firstName", await page.GetByLabel("Column 2 (Ad)").InputValueAsync());
        Assert.Equal("lastName", await page.GetByLabel("Column 3 (Soyad)").InputValueAsync());
        Assert.Equal("company", await page.GetByLabel("Column 4 (Şirket)").InputValueAsync());
        Assert.Equal(
            ["2", "sule@acme.com.tr", "Şule", "Işıkçı", "Öztürk Ağ Hizmetleri", "none: will be imported"],
            await page.Locator("#rows tbody tr").Nth(0).Locator("th, td").AllInnerTextsAsync()
        );
        Assert.Contains(
            "İğdır",
            await page.Locator("#rows tbody tr").Nth(1).InnerTextAsync(),
            StringComparison.Ordinal
        );
        var bad = page.Locator("#rows tbody tr").Nth(2);
        Assert.Equal("4", await bad.Locator("th").InnerTextAsync());
        Assert.StartsWith("email: ", await bad.Locator("li").First.InnerTextAsync(), StringComparison.Ordinal);
        await person.AssertAccessibleAsync("workspace-import-preview");
        File.Copy(
            Path.Combine(Chromium.Artifacts, "workspace-import-preview.png"),
            Path.Combine(AzuriteProcess.RepositoryRoot(), "docs", "images", "workspace-import-preview.png"),
            overwrite: true
        );

        await AssertNothingImportedAsync(host, QueueNames.LeadImport);

        await page.GetByLabel("Column 3 (Soyad)").SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview again" }).ClickAsync();
        Assert.Contains("column-2=", new Uri(page.Url).Query, StringComparison.Ordinal);
        Assert.Equal("", await page.GetByLabel("Column 3 (Soyad)").InputValueAsync());
        Assert.DoesNotContain("lastName", await page.Locator("#rows thead").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(
            ["2", "sule@acme.com.tr", "Şule", "Öztürk Ağ Hizmetleri", "none: will be imported"],
            await page.Locator("#rows tbody tr").Nth(0).Locator("th, td").AllInnerTextsAsync()
        );

        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        Assert.Matches("^/api/app/imports/[0-9a-f]{32}/result$", new Uri(page.Url).AbsolutePath);
        Assert.Equal("2", await page.Locator("#accepted").InnerTextAsync());
        Assert.Equal("1", await page.Locator("#rejected-count").InnerTextAsync());
        Assert.Equal("4", await page.Locator("#rejected tbody th").InnerTextAsync());
        Assert.Equal("email: Not a valid email address.", await page.Locator("#rejected tbody li").InnerTextAsync());
        await person.AssertAccessibleAsync("workspace-import-result");
        await page.GetByRole(AriaRole.Link, new() { Name = "Refresh" }).ClickAsync();
        Assert.Equal("2", await page.Locator("#accepted").InnerTextAsync());

        var lead = await Eventually.GetAsync(() =>
            host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{LeadId.FromEmail("sule@acme.com.tr")}")
        );
        Assert.Equal("Şule", lead.FirstName);
        Assert.Null(lead.LastName); // the column was left out in the preview imported
        Assert.Equal("Öztürk Ağ Hizmetleri", lead.Company);
        Assert.Equal("fair", lead.Source);
        var other = await Eventually.GetAsync(() =>
            host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{LeadId.FromEmail("igdir@acme.com.tr")}")
        );
        Assert.Equal("İğdır", other.FirstName);

        // The upload went with its import; its report stays for the result page.
        var kept = await BlobsAsync(host);
        Assert.Equal("report.json", Assert.Single(kept).Split('/')[1]);
    }

    [Fact]
    public async Task IysConsentFile_Previewed_WithTheBadRowsReasons_AndNothingQueued()
    {
        await using var host = await TestHost.StartAsync(azurite);
        await using var person = await WorkspaceBrowser.OpenAsync(host);
        var page = person.Page;
        await person.SignInAsync(TestHost.FunctionKey, "/api/app/imports");
        await page.GetByLabel("What the file holds").SelectOptionAsync("iys");
        const string csv =
            "email,status,date\n"
            + "ali.demir@example.com,ONAY,2026-11-02T10:00:00Z\n"
            + "ayse@example.com,BELKI,2026-11-02T10:00:00Z\n";
        await page.GetByLabel("CSV file").SetInputFilesAsync(Upload("iys.csv", "text/csv", csv, Encoding.UTF8));
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();

        Assert.Equal("Import preview", await page.Locator("h1").InnerTextAsync());
        Assert.Contains(
            "Consent decisions downloaded from İYS",
            await page.Locator("main").InnerTextAsync(),
            StringComparison.Ordinal
        );
        Assert.Equal("status", await page.GetByLabel("Column 2 (status)").InputValueAsync());
        Assert.Contains("(,)", await page.Locator("#delimiter-note").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#rows tbody tr").Nth(0).Locator("li").CountAsync());
        Assert.StartsWith(
            "status: ",
            await page.Locator("#rows tbody tr").Nth(1).Locator("li").First.InnerTextAsync(),
            StringComparison.Ordinal
        );
        await person.AssertAccessibleAsync("workspace-import-preview-iys");
        await AssertNothingImportedAsync(host, QueueNames.ConsentImport);
    }

    [Fact]
    public async Task NotACsv_AndAMappingTheImportRefuses_ShowTheirErrors_AndStoreNothing()
    {
        await using var host = await TestHost.StartAsync(azurite);
        await using var person = await WorkspaceBrowser.OpenAsync(host);
        var page = person.Page;
        await person.SignInAsync(TestHost.FunctionKey, "/api/app/imports");

        await page.GetByLabel("CSV file")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "logo.png",
                    MimeType = "image/png",
                    Buffer = [0x89, 0x50, 0x4E, 0x47],
                }
            );
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST"
        );
        Assert.Equal(415, refused.Status);
        Assert.Equal(
            "This is not a CSV file. Save it from Excel as CSV and upload that.",
            await page.Locator("#file-error").InnerTextAsync()
        );
        Assert.Equal("true", await page.GetByLabel("CSV file").GetAttributeAsync("aria-invalid"));
        await person.AssertAccessibleAsync("workspace-imports-not-csv");
        Assert.Empty(await BlobsAsync(host));

        await page.GetByLabel("CSV file")
            .SetInputFilesAsync(
                Upload("list.csv", "text/csv", "Email,First Name\nali@example.com,Ali\n", Encoding.UTF8)
            );
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();
        await page.GetByLabel("Column 1 (Email)").SelectOptionAsync("");
        var again = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Preview again" }).ClickAsync(),
            r => r.Url.Contains("column-0=", StringComparison.Ordinal)
        );
        Assert.Equal(400, again.Status);
        Assert.Contains("No email column", await page.Locator("#refusals").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).CountAsync());
        await person.AssertAccessibleAsync("workspace-import-preview-refused");

        // Posted anyway, as the preview's own form would: the import refuses it and stores nothing.
        using var client = WorkspaceSignInTests.Client(host);
        await WorkspaceSignInTests.SignInAsync(client);
        var path = new Uri(page.Url).AbsolutePath;
        var token = WorkspaceSignInTests.TokenOf(await client.GetStringAsync(path));
        using var posted = await client.PostAsync(
            path,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__lf_token"] = token, ["column-0"] = "" })
        );
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("No email column", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingImportedAsync(host, QueueNames.LeadImport);
        Assert.DoesNotContain(await BlobsAsync(host), b => b.EndsWith("report.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UploadOverTheImportsLimit_RefusedAtTheFileField_AndKeepsNothing()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var client = WorkspaceSignInTests.Client(host);
        await WorkspaceSignInTests.SignInAsync(client);
        var token = WorkspaceSignInTests.TokenOf(await client.GetStringAsync("/api/app/imports"));
        var big = new byte[51 * 1024 * 1024];
        Array.Fill(big, (byte)'a');
        var file = new ByteArrayContent(big);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__lf_token" },
            { new StringContent("leads"), "kind" },
            { file, "file", "big.csv" },
        };
        using var refused = await client.PostAsync("/api/app/imports", upload);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains(
            "The file is over 50 MB. Split it and import the parts one by one.",
            await refused.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        Assert.Empty(await BlobsAsync(host));
    }

    [Fact]
    public async Task ForgedPosts_WithoutTheFormsToken_AreRefused_AndKeepNothing()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var client = WorkspaceSignInTests.Client(host);
        await WorkspaceSignInTests.SignInAsync(client);

        using var upload = new MultipartFormDataContent
        {
            { new StringContent("leads"), "kind" },
            { Csv("Email\nali@example.com\n"), "file", "list.csv" },
        };
        using var forged = await client.PostAsync("/api/app/imports", upload);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(await BlobsAsync(host));

        using var import = await client.PostAsync(
            $"/api/app/imports/{new string('a', 32)}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["encoding"] = "" })
        );
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        await AssertNothingImportedAsync(host, QueueNames.LeadImport);
    }

    private static FilePayload Upload(string name, string type, string text, Encoding encoding) =>
        new()
        {
            Name = name,
            MimeType = type,
            Buffer = encoding.GetBytes(text),
        };

    private static ByteArrayContent Csv(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    /// <summary>No import message was queued, and, given the time a queued one would take to land, no lead of the
    /// list was stored.</summary>
    private static async Task AssertNothingImportedAsync(TestHost host, string queue)
    {
        var queued = await host.Queue(queue).GetPropertiesAsync();
        Assert.Equal(0, queued.Value.ApproximateMessagesCount);
        await Task.Delay(TimeSpan.FromSeconds(2));
        foreach (var email in new[] { "sule@acme.com.tr", "ali@example.com" })
        {
            using var response = await host.Client.SendAsync(
                TestHost.WithKey(HttpMethod.Get, $"/api/leads/{LeadId.FromEmail(email)}")
            );
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private static async Task<List<string>> BlobsAsync(TestHost host)
    {
        var container = host.Container(UploadContainer);
        if (!await container.ExistsAsync())
        {
            return [];
        }

        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
