namespace LeadFunctions.Core.Health;

/// <summary>What this process has cost in storage since it started (storage is billed per operation).</summary>
public interface IStorageUsage
{
    /// <summary>Requests sent to storage.</summary>
    long Total { get; }

    /// <summary>Table rows read, by physical table name.</summary>
    IReadOnlyDictionary<string, long> RowsRead { get; }
}
