using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace LeadFunctions.Host.Timers;

/// <summary>
/// The lock that lets one host at a time run a timer's listener: a blob lease on
/// "locks/{hostId}/{functionFullName}.Listener" in azure-webjobs-hosts (azure-webjobs-sdk
/// src/Microsoft.Azure.WebJobs.Host/Singleton/BlobLeaseDistributedLockManager.cs), renewed while held.
/// </summary>
internal sealed class SingletonLease(BlobContainerClient hosts, string hostId, TimeSpan period)
{
    /// <summary>Takes the lease, or returns null when another host holds it.</summary>
    public async Task<BlobLeaseClient?> TryAcquireAsync(string functionFullName, CancellationToken cancellationToken)
    {
        var blob = hosts.GetBlobClient($"locks/{hostId}/{functionFullName}.Listener");
        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(period, cancellationToken: cancellationToken);
            return lease;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await hosts.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await CreateIfMissingAsync(blob, cancellationToken);
            return await TryAcquireAsync(functionFullName, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    private static async Task CreateIfMissingAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another host created it first.
        }
    }
}
