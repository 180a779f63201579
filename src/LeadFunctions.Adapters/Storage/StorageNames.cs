using Microsoft.Extensions.Options;

namespace LeadFunctions.Adapters.Storage;

/// <summary>The physical name of each queue, table and blob container, with the configured prefix.</summary>
public sealed class StorageNames(IOptions<StorageOptions> options)
{
    private readonly string prefix = options.Value.NamePrefix;

    public string Queue(string name) => prefix.Length == 0 ? name : $"{prefix}-{name}";

    public string Table(string name) => prefix + name;

    public string Container(string name) => prefix.Length == 0 ? name : $"{prefix}-{name}";
}
