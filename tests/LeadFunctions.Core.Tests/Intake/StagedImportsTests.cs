using System.Text;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Tests.Randomness;
using Microsoft.Extensions.Time.Testing;

namespace LeadFunctions.Core.Tests.Intake;

public class StagedImportsTests
{
    private const string List = "Email,First Name,Last Name\nali@example.com,Ali,Demir\nnot-an-email,Ayşe,Gül\n";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryUploads uploads = new();
    private readonly RecordingLeadQueue leads = new();
    private readonly RecordingConsentQueue consent = new();

    private StagedImports Imports()
    {
        var decoding = new CsvDecoding(Encoding.Latin1);
        return new StagedImports(
            uploads,
            new ImportPreview(time, decoding),
            new CsvImporter(time, new SequentialIds(), decoding),
            leads,
            consent,
            new FixedRandom(0.5),
            time
        );
    }

    [Fact]
    public async Task Preview_ReadsTheKeptUpload_WithTheChoices_AndQueuesNothing()
    {
        var imports = Imports();
        var id = await imports.StageAsync(new ImportTarget(ImportKind.Leads, "fair"), Csv(List), default);

        var preview = await imports.PreviewAsync(id, LastNameLeftOut, default);

        Assert.True(StagedImports.IsId(id));
        Assert.Equal("fair", preview!.Target.Source);
        Assert.Equal(["email", "firstName", null], preview.File.Columns.Select(c => c.Field));
        Assert.Empty(preview.File.Rows[0].Errors);
        Assert.Contains("email", preview.File.Rows[1].Errors.Keys);
        Assert.Empty(leads.Batches);
        Assert.Null(await imports.ReportAsync(id, default));
    }

    [Fact]
    public async Task Import_WithTheChoicesPreviewed_QueuesTheGoodRows_KeepsTheReport_AndDeletesTheUpload()
    {
        var imports = Imports();
        var id = await imports.StageAsync(new ImportTarget(ImportKind.Leads, "fair"), Csv(List), default);

        var outcome = await imports.ImportAsync(id, LastNameLeftOut, default);

        Assert.Equal(CsvImportStatus.Imported, outcome!.Status);
        var submission = Assert.Single(Assert.Single(leads.Batches).Submissions);
        Assert.Equal("Ali", submission.FirstName);
        Assert.Null(submission.LastName);
        Assert.Equal("fair", submission.Source);
        var report = await imports.ReportAsync(id, default);
        Assert.Equal(1, report!.Accepted);
        Assert.Equal(3, Assert.Single(report.Rejected).Line);
        Assert.Null(await imports.PreviewAsync(id, ImportChoices.None, default));
        Assert.Null(await imports.ImportAsync(id, ImportChoices.None, default)); // a second press imports nothing
        Assert.Single(leads.Batches);
    }

    [Fact]
    public async Task Import_OfAMappingTheImportRefuses_StoresNothing_AndKeepsTheUploadToChooseAgain()
    {
        var imports = Imports();
        var id = await imports.StageAsync(new ImportTarget(ImportKind.Leads), Csv(List), default);

        var outcome = await imports.ImportAsync(
            id,
            new ImportChoices { Columns = new Dictionary<int, string?> { [0] = null } },
            default
        );

        Assert.Equal(CsvImportStatus.Invalid, outcome!.Status);
        Assert.Contains("header", outcome.Errors!.Keys);
        Assert.Empty(leads.Batches);
        Assert.Null(await imports.ReportAsync(id, default));
        Assert.NotNull(await imports.PreviewAsync(id, ImportChoices.None, default));
    }

    [Theory]
    [InlineData(ImportKind.IysConsent, true)]
    [InlineData(ImportKind.Consent, false)]
    public async Task ConsentFile_GoesToTheConsentQueue_MarkedAsFromIysOrNot(ImportKind kind, bool fromIys)
    {
        var imports = Imports();
        var id = await imports.StageAsync(
            new ImportTarget(kind),
            Csv("email,status,date\nali@example.com,ONAY,2026-05-01T10:00:00Z\n"),
            default
        );

        await imports.ImportAsync(id, ImportChoices.None, default);

        var batch = Assert.Single(consent.Batches);
        Assert.Equal(fromIys, batch.FromIys);
        Assert.Empty(leads.Batches);
    }

    [Fact]
    public async Task Sweep_DeletesWhatWasWrittenMoreThanADayAgo()
    {
        await Imports().SweepAsync(default);

        Assert.Equal(time.GetUtcNow() - TimeSpan.FromDays(1), uploads.SweptBefore);
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", true)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", false)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("../aaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData(null, false)]
    public void IsId_OnlyOurs(string? id, bool ours) => Assert.Equal(ours, StagedImports.IsId(id));

    private static ImportChoices LastNameLeftOut => new() { Columns = new Dictionary<int, string?> { [2] = null } };

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private sealed class InMemoryUploads : IImportUploads
    {
        private readonly Dictionary<string, (ImportTarget Target, byte[] File)> files = [];
        private readonly Dictionary<string, ImportResult> reports = [];

        public DateTimeOffset? SweptBefore { get; private set; }

        public async Task SaveAsync(string id, ImportTarget target, Stream file, CancellationToken cancellationToken)
        {
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy, cancellationToken);
            files[id] = (target, copy.ToArray());
        }

        public Task<StagedUpload?> OpenAsync(string id, CancellationToken cancellationToken) =>
            Task.FromResult(
                files.TryGetValue(id, out var kept) ? new StagedUpload(kept.Target, new MemoryStream(kept.File)) : null
            );

        public Task DeleteAsync(string id, CancellationToken cancellationToken) => Task.FromResult(files.Remove(id));

        public Task SaveReportAsync(string id, ImportResult report, CancellationToken cancellationToken)
        {
            reports[id] = report;
            return Task.CompletedTask;
        }

        public Task<ImportResult?> ReadReportAsync(string id, CancellationToken cancellationToken) =>
            Task.FromResult(reports.GetValueOrDefault(id));

        public Task<int> SweepAsync(DateTimeOffset before, CancellationToken cancellationToken)
        {
            SweptBefore = before;
            return Task.FromResult(0);
        }
    }

    private sealed class RecordingLeadQueue : IImportBatchQueue
    {
        public List<ImportBatch> Batches { get; } = [];

        public Task EnqueueAsync(ImportBatch batch, CancellationToken cancellationToken)
        {
            Batches.Add(batch);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingConsentQueue : IConsentImportQueue
    {
        public List<ConsentImportBatch> Batches { get; } = [];

        public Task EnqueueAsync(ConsentImportBatch batch, CancellationToken cancellationToken)
        {
            Batches.Add(batch);
            return Task.CompletedTask;
        }
    }
}
