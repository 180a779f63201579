using System.Globalization;
using System.Text;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Tests.Randomness;
using Microsoft.Extensions.Time.Testing;

namespace LeadFunctions.Core.Tests.Intake;

public class ImportPreviewTests
{
    private const string TurkishList = """
        E-posta;Ad;Soyad;Şirket
        sule@acme.com.tr;Şule;Işık;Çağrı Öztürk Ünlü
        ilker@acme.com.tr;İlker;Doğan;Gök
        """;

    private static readonly Encoding Windows1254;
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));

    static ImportPreviewTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1254 = Encoding.GetEncoding(1254);
    }

    private static ImportPreview Preview => new(Time, new CsvDecoding(Windows1254));

    [Fact]
    public async Task TurkishExcelCsv_Windows1254Semicolon_DetectedAndLettersRight()
    {
        var file = await Preview.ReadAsync(Upload(Windows1254, TurkishList), new LeadImportRows("import"));

        Assert.Equal(new ReadEncoding("windows-1254", EncodingSource.Detected), file.Encoding);
        Assert.Equal(CsvDelimiter.Semicolon, file.Delimiter);
        Assert.Equal(["email", "firstName", "lastName", "company"], file.Columns.Select(c => c.Field));
        Assert.Equal("Şirket", file.Columns[3].Header);
        string[] names = ["firstName", "lastName", "company"];
        Assert.Equal(["Şule", "Işık", "Çağrı Öztürk Ünlü"], Values(file.Rows[0], names));
        Assert.Equal(["İlker", "Doğan", "Gök"], Values(file.Rows[1], names));
        Assert.All(file.Rows, row => Assert.Empty(row.Errors));
        Assert.Empty(file.Errors);
        Assert.True(file.ReachedEnd);
    }

    [Fact]
    public async Task Utf8WithBomAndCommas_ReadAsTheMarkSays()
    {
        var text = "email,first name,company\r\nsule@acme.com.tr,Şule,Çağrı Gök\r\n";
        var upload = new MemoryStream([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]);

        var file = await Preview.ReadAsync(upload, new LeadImportRows("import"));

        Assert.Equal(new ReadEncoding("utf-8", EncodingSource.ByteOrderMark), file.Encoding);
        Assert.Equal(CsvDelimiter.Comma, file.Delimiter);
        Assert.Equal("email", file.Columns[0].Header); // the mark is not part of the first header
        Assert.Equal(["Şule", "Çağrı Gök"], Values(file.Rows[0], "firstName", "company"));
    }

    [Fact]
    public async Task BadEmail_RejectedWithTheImportsReason()
    {
        var list = "email;firstName\nali@example.com;Ali\nnot-an-email;Veli\n";

        var file = await Preview.ReadAsync(Upload(Encoding.UTF8, list), new LeadImportRows("import"));
        var import = await ImportAsync(list, ImportChoices.None);

        var bad = Assert.Single(file.Rows, row => row.Errors.Count > 0);
        Assert.Equal(3, bad.Line);
        Assert.Equal(["Not a valid email address."], bad.Errors["email"]);
        var rejected = Assert.Single(import.Report!.Rejected);
        Assert.Equal(Described(rejected.Line, rejected.Errors), Described(bad.Line, bad.Errors));
    }

    [Fact]
    public async Task ChosenMapping_ChangesWhatIsRead()
    {
        var list = "Mail;Work email;Name\nhome;ali@acme.com.tr;Ali\n";
        var choices = new ImportChoices
        {
            Columns = new Dictionary<int, string?> { [0] = null, [1] = "email" },
        };

        var detected = await Preview.ReadAsync(Upload(Encoding.UTF8, list), new LeadImportRows("import"));
        var chosen = await Preview.ReadAsync(Upload(Encoding.UTF8, list), new LeadImportRows("import"), choices);

        Assert.Equal(["email", null, null], detected.Columns.Select(c => c.Field));
        Assert.Equal("home", detected.Rows[0].Values["email"]);
        Assert.Contains("email", detected.Rows[0].Errors);
        Assert.Equal([null, "email", null], chosen.Columns.Select(c => c.Field));
        Assert.Equal("ali@acme.com.tr", chosen.Rows[0].Values["email"]);
        Assert.Empty(chosen.Rows[0].Errors);
    }

    [Fact]
    public async Task ChosenMapping_ColumnOrFieldThatIsNot_RefusedAsTheImportRefusesIt()
    {
        var list = "email;Name\nali@acme.com.tr;Ali\n";
        var choices = new ImportChoices
        {
            Columns = new Dictionary<int, string?> { [1] = "nickname", [5] = "phone" },
        };

        var file = await Preview.ReadAsync(Upload(Encoding.UTF8, list), new LeadImportRows("import"), choices);
        var import = await ImportAsync(list, choices);

        Assert.Equal(2, file.Errors["columns"].Length);
        Assert.Equal(CsvImportStatus.Invalid, import.Status);
        Assert.Equal(import.Errors, file.Errors);
    }

    [Fact]
    public async Task ChosenEncoding_OverridesDetection()
    {
        var list = "email;firstName\nsule@acme.com.tr;Şule\n";
        var choices = new ImportChoices { Encoding = Windows1254 };

        var detected = await Preview.ReadAsync(Upload(Encoding.UTF8, list), new LeadImportRows("import"));
        var chosen = await Preview.ReadAsync(Upload(Encoding.UTF8, list), new LeadImportRows("import"), choices);

        Assert.Equal(new ReadEncoding("utf-8", EncodingSource.Detected), detected.Encoding);
        Assert.Equal("Şule", detected.Rows[0].Values["firstName"]);
        Assert.Equal(new ReadEncoding("windows-1254", EncodingSource.Chosen), chosen.Encoding);
        Assert.Equal(Windows1254.GetString(Encoding.UTF8.GetBytes("Şule")), chosen.Rows[0].Values["firstName"]);
    }

    [Fact]
    public async Task ChosenDelimiter_OverridesDetection()
    {
        var list = "email;firstName\nali@acme.com.tr;Ali\n";
        var choices = new ImportChoices { Delimiter = CsvDelimiter.Comma };

        var detected = await Preview.ReadAsync(Upload(Encoding.UTF8, list), new LeadImportRows("import"));
        var chosen = await Preview.ReadAsync(Upload(Encoding.UTF8, list), new LeadImportRows("import"), choices);

        Assert.Equal(CsvDelimiter.Semicolon, detected.Delimiter);
        Assert.Equal(2, detected.Columns.Count);
        Assert.Equal(CsvDelimiter.Comma, chosen.Delimiter);
        Assert.Equal(new PreviewColumn(0, "email;firstName", null), Assert.Single(chosen.Columns));
        Assert.Contains("header", chosen.Errors);
    }

    [Fact]
    public async Task IysConsentFile_ColumnsMappedAndRowsJudged()
    {
        var file = await Preview.ReadAsync(
            Upload(
                Windows1254,
                """
                ALICI;DURUM;TARİH;KAYNAK;İZİN TİPİ
                ali@example.com;ONAY;2026-03-01 14:30:00;HS_WEB;EPOSTA
                veli@example.com;BELKİ;2026-03-01 14:30:00;HS_WEB;EPOSTA
                """
            ),
            new ConsentImportRows()
        );

        Assert.Equal(["email", "status", "date", "source", "type"], file.Columns.Select(c => c.Field));
        Assert.Equal("TARİH", file.Columns[2].Header);
        Assert.Contains("recipientType", file.Fields);
        Assert.Empty(file.Rows[0].Errors);
        Assert.Equal([ConsentImportRowValidator.StatusRule], file.Rows[1].Errors["status"]);
        Assert.Equal("BELKİ", file.Rows[1].Values["status"]);
    }

    [Fact]
    public async Task MoreRowsThanAsked_OnlyThoseRead()
    {
        var upload = new EndlessList();

        var file = await Preview.ReadAsync(upload, new LeadImportRows("import"), rowCount: 3);

        Assert.Equal([2L, 3L, 4L], file.Rows.Select(r => r.Line));
        Assert.False(file.ReachedEnd);
        Assert.Null(file.Stopped);
        Assert.InRange(upload.Served, 1, 64 * 1024); // the rows and what the readers buffer, not the limit's 50 MB
    }

    [Fact]
    public async Task Import_WithTheSameChoices_AcceptsAndRejectsWhatThePreviewSaid()
    {
        var list =
            "Ad;İş e-postası;Telefon\nŞule;sule@acme.com.tr;0212 555 0000\nAli;yok;\nVeli;veli@acme.com.tr;x\n"
            + "\"Ayşe;ayse@acme.com.tr;\n";
        var choices = new ImportChoices
        {
            Encoding = Windows1254,
            Delimiter = CsvDelimiter.Semicolon,
            Columns = new Dictionary<int, string?> { [1] = "email" },
        };

        var file = await Preview.ReadAsync(Upload(Windows1254, list), new LeadImportRows("import"), choices);
        var queue = new RecordingQueue();
        var import = await ImportAsync(list, choices, queue);

        var report = import.Report!;
        Assert.Equal(
            file.Rows.Where(r => r.Errors.Count == 0).Select(r => r.Line),
            queue.Rows.Select(s => long.Parse(s.SubmissionId.Split('-')[^1], CultureInfo.InvariantCulture))
        );
        Assert.Equal("Şule", queue.Rows[0].FirstName);
        Assert.Equal(
            file.Rows.Where(r => r.Errors.Count > 0).Select(r => Described(r.Line, r.Errors)),
            report.Rejected.Select(r => Described(r.Line, r.Errors))
        );
        Assert.Equal((1, 3), (report.Accepted, report.RejectedCount));
    }

    private static string Described(long line, IReadOnlyDictionary<string, string[]> errors) =>
        $"{line}: {string.Join(" | ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}";

    private static MemoryStream Upload(Encoding encoding, string text) => new(encoding.GetBytes(text));

    private static string[] Values(PreviewRow row, params string[] fields) =>
        [.. fields.Select(field => row.Values[field] ?? "")];

    private static Task<CsvImportOutcome> ImportAsync(string list, ImportChoices choices, RecordingQueue? queue = null)
    {
        var encoding = choices.Encoding ?? Encoding.UTF8;
        return new CsvImporter(Time, new SequentialIds(), new CsvDecoding(Windows1254)).ImportAsync(
            Upload(encoding, list),
            choices,
            new LeadImportRows("import"),
            queue ?? new RecordingQueue(),
            CancellationToken.None
        );
    }

    private sealed class RecordingQueue : ICsvRowQueue<LeadSubmission>
    {
        public List<LeadSubmission> Rows { get; } = [];

        public int MaxRowsPerMessage => 2;

        public Task EnqueueAsync(
            string importId,
            int sequence,
            IReadOnlyList<LeadSubmission> rows,
            CancellationToken cancellationToken
        )
        {
            lock (Rows)
            {
                Rows.AddRange(rows);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>A lead list that never ends, counting the bytes it has served.</summary>
    private sealed class EndlessList : Stream
    {
        private byte[] pending = Encoding.UTF8.GetBytes("email;firstName\n");
        private int row;

        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => Served;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (pending.Length == 0)
            {
                pending = Encoding.UTF8.GetBytes($"person{++row}@example.com;Ali\n");
            }

            var n = Math.Min(count, pending.Length);
            pending.AsSpan(0, n).CopyTo(buffer.AsSpan(offset));
            pending = pending[n..];
            Served += n;
            return n;
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
