using Azure.Identity;
using LeadFunctions.Adapters;
using LeadFunctions.Adapters.Storage;
using Microsoft.Extensions.Configuration;

namespace LeadFunctions.Adapters.Tests.Storage;

public class StorageConnectionTests
{
    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("AzureWebJobsStorage");

    [Fact]
    public void From_ConnectionString_IsUsedAsIs()
    {
        var connection = StorageConnection.From(
            Section(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" })
        );
        Assert.Equal("UseDevelopmentStorage=true", connection.ConnectionString);
    }

    [Fact]
    public void From_FunctionsIdentitySettings_ServiceUrisAndManagedIdentity()
    {
        var connection = StorageConnection.From(
            Section(
                new()
                {
                    ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net",
                    ["AzureWebJobsStorage:queueServiceUri"] = "https://acct.queue.core.windows.net",
                    ["AzureWebJobsStorage:tableServiceUri"] = "https://acct.table.core.windows.net",
                    ["AzureWebJobsStorage:credential"] = "managedidentity",
                    ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
                }
            )
        );
        Assert.Null(connection.ConnectionString);
        Assert.Equal("acct.table.core.windows.net", connection.Table?.Host);
        Assert.IsType<ManagedIdentityCredential>(connection.Credential);
        Assert.Equal(
            "acct.table.core.windows.net",
            connection.Tables(new Azure.Data.Tables.TableClientOptions()).Uri.Host
        );
        Assert.Equal(
            "acct.blob.core.windows.net",
            connection.Blobs(new Azure.Storage.Blobs.BlobClientOptions()).Uri.Host
        );
        Assert.Equal(
            "acct.queue.core.windows.net",
            connection.Queues(new Azure.Storage.Queues.QueueClientOptions()).Uri.Host
        );
    }

    [Fact]
    public void From_AccountName_DerivesTheEndpoints()
    {
        var connection = StorageConnection.From(Section(new() { ["AzureWebJobsStorage:accountName"] = "leadsacct" }));
        Assert.Equal(new Uri("https://leadsacct.queue.core.windows.net"), connection.Queue);
        Assert.IsType<DefaultAzureCredential>(connection.Credential);
    }

    [Fact]
    public void From_Nothing_SaysWhatIsMissing()
    {
        var missing = Assert.Throws<SettingException>(() => StorageConnection.From(Section([])));
        Assert.StartsWith("AzureWebJobsStorage needs a connection string", missing.Message, StringComparison.Ordinal);
    }
}
