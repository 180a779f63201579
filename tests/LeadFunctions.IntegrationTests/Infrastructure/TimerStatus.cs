using Azure.Storage.Blobs;

namespace LeadFunctions.IntegrationTests.Infrastructure;

/// <summary>A timer's schedule status as the runtime keeps it (azure-webjobs-hosts), written before a host
/// starts.</summary>
public static class TimerStatus
{
    /// <summary>Where the runtime keeps a function's status in azure-webjobs-hosts (host id "leadfunctions").</summary>
    public static string BlobName(string functionName) => $"timers/leadfunctions/Host.Functions.{functionName}/status";

    public static async Task WriteAsync(IAzurite azurite, string prefix, string functionName, object status)
    {
        var container = new BlobContainerClient(azurite.ConnectionString, $"{prefix}-azure-webjobs-hosts");
        await container.CreateIfNotExistsAsync();
        await container
            .GetBlobClient(BlobName(functionName))
            .UploadAsync(BinaryData.FromObjectAsJson(status), overwrite: true);
    }

    /// <summary>An occurrence ten minutes ago (returned) that no host ran: the next host runs it as soon as it
    /// starts.</summary>
    public static async Task<DateTimeOffset> WriteMissedAsync(IAzurite azurite, string prefix, string functionName)
    {
        var past = DateTimeOffset.UtcNow.AddMinutes(-10);
        await WriteAsync(
            azurite,
            prefix,
            functionName,
            new
            {
                Last = past.AddMinutes(-5),
                Next = past,
                LastUpdated = past,
            }
        );
        return past;
    }
}
