using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Adapters.Intake;

/// <summary>
/// Kept uploads in the container import-uploads: <c>{id}/upload</c>, the file as sent, with what it is imported as
/// in its metadata; <c>{id}/report.json</c>, the report of its import. The container is made by the first upload,
/// so an app whose people never upload has none. Swept by last write, so both go a day after the import.
/// </summary>
public sealed class ImportUploadBlobs(BlobServiceClient blobs, StorageNames names) : IImportUploads
{
    public const string ContainerName = "import-uploads";
    private const string KindKey = "kind";
    private const string SourceKey = "source";

    private BlobContainerClient Container => blobs.GetBlobContainerClient(names.Container(ContainerName));

    public async Task SaveAsync(string id, ImportTarget target, Stream file, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string>
            {
                [KindKey] = target.Kind.ToString(),
                [SourceKey] = target.Source,
            },
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv" },
        };
        await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken); // one request per upload
        await Upload(id).UploadAsync(file, options, cancellationToken);
    }

    public async Task<StagedUpload?> OpenAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var download = (await Upload(id).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            var metadata = download.Details.Metadata;
            var target = new ImportTarget(Enum.Parse<ImportKind>(metadata[KindKey]), metadata[SourceKey]);
            return new StagedUpload(target, download.Content);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        Upload(id).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public async Task SaveReportAsync(string id, ImportResult report, CancellationToken cancellationToken)
    {
        var json = BinaryData.FromObjectAsJson(report, JsonDefaults.Options);
        await Report(id).UploadAsync(json, overwrite: true, cancellationToken); // the upload made the container
    }

    public async Task<ImportResult?> ReadReportAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var content = (await Report(id).DownloadContentAsync(cancellationToken)).Value.Content;
            return content.ToObjectFromJson<ImportResult>(JsonDefaults.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<int> SweepAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var container = Container;
        var swept = 0;
        try
        {
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                if (blob.Properties.LastModified < before)
                {
                    await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
                    swept++;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No upload yet, so no container.
        }

        return swept;
    }

    private BlobClient Upload(string id) => Container.GetBlobClient($"{id}/upload");

    private BlobClient Report(string id) => Container.GetBlobClient($"{id}/report.json");
}
