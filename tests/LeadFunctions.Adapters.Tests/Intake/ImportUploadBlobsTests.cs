using System.Text;
using Azure.Storage.Blobs;
using LeadFunctions.Adapters.Intake;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Intake;
using LeadFunctions.Testing;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Adapters.Tests.Intake;

/// <summary>The workspace's kept uploads in import-uploads, on an Azurite of its own.</summary>
public sealed class ImportUploadBlobsTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Id = "0123456789abcdef0123456789abcdef";
    private readonly AzuriteProcess azurite = new(inMemory: true);
    private readonly string prefix = "u" + Guid.NewGuid().ToString("N")[..8];

    public Task InitializeAsync() => azurite.StartAsync();

    public Task DisposeAsync() => azurite.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => azurite.DisposeAsync();

    private BlobServiceClient Service => new(azurite.ConnectionString);

    private ImportUploadBlobs Uploads =>
        new(Service, new StorageNames(Options.Create(new StorageOptions { NamePrefix = prefix })));

    [Fact]
    public async Task Upload_KeptWithWhatItIsImportedAs_ReadBack_ThenDeleted()
    {
        var uploads = Uploads;
        Assert.Null(await uploads.OpenAsync(Id, default)); // no container yet

        var bytes = CodePagesEncodingProvider
            .Instance.GetEncoding("iso-8859-9")!
            .GetBytes("Ad;E-posta\nŞule;s@x.com\n");
        await uploads.SaveAsync(Id, new ImportTarget(ImportKind.Leads, "fair"), new MemoryStream(bytes), default);

        await using (var kept = await uploads.OpenAsync(Id, default))
        {
            Assert.Equal(new ImportTarget(ImportKind.Leads, "fair"), kept!.Target);
            using var copy = new MemoryStream();
            await kept.File.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }

        await uploads.DeleteAsync(Id, default);
        Assert.Null(await uploads.OpenAsync(Id, default));
    }

    [Fact]
    public async Task Report_KeptAndReadBack()
    {
        var uploads = Uploads;
        Assert.Null(await uploads.ReadReportAsync(Id, default));
        await uploads.SaveAsync(Id, new ImportTarget(ImportKind.IysConsent), new MemoryStream([1]), default);
        var report = new ImportResult(
            "imp",
            2,
            1,
            [new RejectedRow(4, new Dictionary<string, string[]> { ["email"] = ["Not a valid email address."] })]
        );

        await uploads.SaveReportAsync(Id, report, default);

        var read = await uploads.ReadReportAsync(Id, default);
        Assert.Equal(
            (report.ImportId, report.Accepted, report.RejectedCount),
            (read!.ImportId, read.Accepted, read.RejectedCount)
        );
        Assert.Equal(4, Assert.Single(read.Rejected).Line);
        Assert.Equal(["Not a valid email address."], read.Rejected[0].Errors["email"]);
        Assert.Equal(ImportKind.IysConsent, (await uploads.OpenAsync(Id, default))!.Target.Kind);
    }

    [Fact]
    public async Task Sweep_DeletesWhatWasWrittenBeforeTheTime_AndNothingElse()
    {
        var uploads = Uploads;
        Assert.Equal(0, await uploads.SweepAsync(DateTimeOffset.UtcNow, default)); // no container yet
        await uploads.SaveAsync(Id, new ImportTarget(ImportKind.Leads), new MemoryStream([1]), default);

        Assert.Equal(0, await uploads.SweepAsync(DateTimeOffset.UtcNow.AddMinutes(-5), default));
        Assert.NotNull(await uploads.OpenAsync(Id, default));
        Assert.Equal(1, await uploads.SweepAsync(DateTimeOffset.UtcNow.AddMinutes(5), default));
        Assert.Null(await uploads.OpenAsync(Id, default));
    }
}
