using System.Text;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;

namespace LeadFunctions.Core.Tests.Workspace;

public class ImportFormsTests
{
    [Fact]
    public void Choices_AsTheFormSendsThem()
    {
        var (choices, errors) = ImportChoiceForm.Read(
            new Dictionary<string, string>
            {
                ["encoding"] = "windows-1254",
                ["delimiter"] = "semicolon",
                ["column-0"] = "email",
                ["column-2"] = "",
                ["column-x"] = "company",
                ["__lf_token"] = "t",
            }
        );

        Assert.Empty(errors);
        Assert.Equal("windows-1254", choices.Encoding!.WebName);
        Assert.Equal(CsvDelimiter.Semicolon, choices.Delimiter);
        Assert.Equal(new Dictionary<int, string?> { [0] = "email", [2] = null }, choices.Columns);
    }

    [Fact]
    public void Choices_EmptyAreDetected()
    {
        var (choices, errors) = ImportChoiceForm.Read(
            new Dictionary<string, string> { ["encoding"] = "", ["delimiter"] = "" }
        );

        Assert.Empty(errors);
        Assert.Null(choices.Encoding);
        Assert.Null(choices.Delimiter);
        Assert.Empty(choices.Columns);
    }

    [Theory]
    [InlineData("encoding", "utf-7", TextId.ImportsEncodingUnknown)]
    [InlineData("encoding", "ibm037", TextId.ImportsEncodingUnknown)] // known to .NET, not offered
    [InlineData("delimiter", "|", TextId.ImportsDelimiterUnknown)]
    public void Choices_NotOffered_AreTheFieldsError_AndDetectedInstead(string field, string value, TextId error)
    {
        var (choices, errors) = ImportChoiceForm.Read(new Dictionary<string, string> { [field] = value });

        Assert.Equal(error, errors[field]);
        Assert.Null(choices.Encoding);
        Assert.Null(choices.Delimiter);
    }

    [Theory]
    [InlineData("leads", "", ImportKind.Leads, "import")]
    [InlineData("leads", " fair ", ImportKind.Leads, "fair")]
    [InlineData("iys", "ignored", ImportKind.IysConsent, "import")]
    [InlineData("consent", null, ImportKind.Consent, "import")]
    public void Upload_ReadAsTheApiWould(string kind, string? source, ImportKind expected, string expectedSource)
    {
        var errors = new Dictionary<string, TextId>();

        var target = ImportUploadForm.Read(kind, source, errors);

        Assert.Empty(errors);
        Assert.Equal(new ImportTarget(expected, expectedSource), target);
    }

    [Theory]
    [InlineData("leads", "Fuar 2026", "source", TextId.ImportsSourceInvalid)]
    [InlineData("contacts", "fair", "kind", TextId.ImportsKindInvalid)]
    [InlineData(null, null, "kind", TextId.ImportsKindInvalid)]
    public void Upload_Refused_AtItsField(string? kind, string? source, string field, TextId error)
    {
        var errors = new Dictionary<string, TextId>();

        Assert.Null(ImportUploadForm.Read(kind, source, errors));
        Assert.Equal(error, errors[field]);
    }

    [Fact]
    public async Task PreviewPage_ShowsTheLettersEncoded_AndImportsWithTheChoicesShown()
    {
        var html = await TurkishPreviewAsync(
            "E-posta;Ad\n<b>@x.com;Şule & İlker\n",
            new Dictionary<string, string> { ["delimiter"] = "semicolon" }
        );

        Assert.Contains("Şule &amp; İlker", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>@x.com", html, StringComparison.Ordinal);
        Assert.Contains("noktalı virgül (;)", html, StringComparison.Ordinal);
        Assert.Contains(
            "<input type=\"hidden\" name=\"delimiter\" value=\"semicolon\">",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "<input type=\"hidden\" name=\"column-1\" value=\"firstName\">",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains("<input type=\"hidden\" name=\"encoding\" value=\"\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewPage_InTurkish_SaysWhyTheFileIsRefused_InTurkish()
    {
        var html = await TurkishPreviewAsync("Ad\nŞule\n", new Dictionary<string, string>());

        Assert.Contains("Şu sütunlar arasında email sütunu (", html, StringComparison.Ordinal);
        Assert.Contains(") yok: Ad.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No email column", html, StringComparison.Ordinal);
    }

    /// <summary>The preview page a Turkish marketer sees for <paramref name="csv"/>, a lead list, with the choices
    /// made so far.</summary>
    private static async Task<string> TurkishPreviewAsync(string csv, IReadOnlyDictionary<string, string> choices)
    {
        var preview = new ImportPreview(TimeProvider.System, new CsvDecoding(Encoding.Latin1));
        var file = await preview.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), new LeadImportRows("fair"));
        var shell = new WorkspaceShell(
            "tr",
            new WorkspaceUser("k", WorkspaceRoles.Marketer),
            WorkspaceSection.Imports,
            "/",
            "tok"
        );

        return ImportPreviewPage.Render(
            shell,
            new string('a', 32),
            new StagedPreview(new ImportTarget(ImportKind.Leads, "fair"), file),
            choices,
            new Dictionary<string, TextId>()
        );
    }
}
