namespace LeadFunctions.Adapters.Storage;

/// <summary>Named Azure clients (IAzureClientFactory) besides the default ones.</summary>
public static class StorageClientNames
{
    /// <summary>A queue client that neither encodes nor decodes: queue listeners read the raw text.</summary>
    public const string RawQueues = "raw";
}
