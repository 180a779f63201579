using System.Diagnostics;
using LeadFunctions.Core.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadFunctions.Functions.Health;

/// <summary>What this process costs: memory, and storage operations sent and table rows read since it started (storage
/// is billed per operation).</summary>
internal sealed class RuntimeHealthCheck(IStorageUsage storageOperations) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        using var process = Process.GetCurrentProcess();
        return Task.FromResult(
            HealthCheckResult.Healthy(
                data: new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["workingSetBytes"] = process.WorkingSet64,
                    ["managedHeapBytes"] = GC.GetTotalMemory(forceFullCollection: false),
                    ["storageOperations"] = storageOperations.Total,
                    ["tableRowsRead"] = storageOperations.RowsRead,
                }
            )
        );
    }
}
