using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace LeadFunctions.Adapters.Storage;

/// <summary>
/// The storage account as the Functions host reads "AzureWebJobsStorage": a connection string, or
/// (identity-based) a section with blobServiceUri / queueServiceUri / tableServiceUri or accountName,
/// and credential = managedidentity with an optional clientId. Microsoft.Extensions.Azure reads
/// neither of the identity-based shapes, so they are turned into URIs and a credential here, and the
/// clients are made from whichever the setting holds.
/// </summary>
public sealed record StorageConnection(
    string? ConnectionString,
    Uri? Blob,
    Uri? Queue,
    Uri? Table,
    TokenCredential? Credential
)
{
    public TableServiceClient Tables(TableClientOptions options) =>
        ConnectionString is { } connection ? new(connection, options) : new(Table!, Credential!, options);

    public BlobServiceClient Blobs(BlobClientOptions options) =>
        ConnectionString is { } connection ? new(connection, options) : new(Blob!, Credential!, options);

    public QueueServiceClient Queues(QueueClientOptions options) =>
        ConnectionString is { } connection ? new(connection, options) : new(Queue!, Credential!, options);

    public static StorageConnection From(IConfigurationSection section)
    {
        if (!string.IsNullOrEmpty(section.Value))
        {
            return new StorageConnection(section.Value, null, null, null, null);
        }

        var account = section["accountName"];
        Uri? Endpoint(string service) =>
            section[$"{service}ServiceUri"] is { Length: > 0 } uri ? new Uri(uri)
            : account is { Length: > 0 } ? new Uri($"https://{account}.{service}.core.windows.net")
            : null;

        var (blob, queue, table) = (Endpoint("blob"), Endpoint("queue"), Endpoint("table"));
        if (blob is null || queue is null || table is null)
        {
            throw new SettingException(
                "AzureWebJobsStorage needs a connection string, or accountName, or blobServiceUri, queueServiceUri "
                    + "and tableServiceUri."
            );
        }

        TokenCredential credential = string.Equals(
            section["credential"],
            "managedidentity",
            StringComparison.OrdinalIgnoreCase
        )
            ? new ManagedIdentityCredential(
                section["clientId"] is { Length: > 0 } clientId
                    ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                    : ManagedIdentityId.SystemAssigned
            )
            : new DefaultAzureCredential();
        return new StorageConnection(null, blob, queue, table, credential);
    }
}
