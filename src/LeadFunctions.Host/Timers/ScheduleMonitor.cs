using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace LeadFunctions.Host.Timers;

/// <summary>
/// The timer's last and next occurrence, kept in the blob the Functions host uses
/// (azure-webjobs-sdk-extensions .../Timers/Scheduling/StorageScheduleMonitor.cs:
/// "timers/{hostId}/{functionFullName}/status" in azure-webjobs-hosts), so a run missed while no
/// host was up is noticed (past due) by whichever host starts next.
/// </summary>
internal sealed class ScheduleMonitor(BlobContainerClient hosts, string hostId)
{
    public async Task<ScheduleStatus?> ReadAsync(string functionFullName, CancellationToken cancellationToken)
    {
        try
        {
            var content = await Blob(functionFullName).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<ScheduleStatus>();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task WriteAsync(string functionFullName, ScheduleStatus status, CancellationToken cancellationToken)
    {
        await hosts.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Blob(functionFullName)
            .UploadAsync(
                BinaryData.FromObjectAsJson(status),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                cancellationToken
            );
    }

    private BlobClient Blob(string functionFullName) =>
        hosts.GetBlobClient($"timers/{hostId}/{functionFullName}/status");
}

/// <summary>Property names as the Functions host writes them.</summary>
internal sealed record ScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
