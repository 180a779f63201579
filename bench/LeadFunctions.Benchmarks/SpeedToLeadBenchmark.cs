using Azure.Data.Tables;
using LeadFunctions.Testing;

namespace LeadFunctions.Benchmarks;

/// <summary>
/// Form POST to a scored lead in the table at 100 leads/s, end to end through the queue; and the
/// storage operations that cost, counted by the host's Azure SDK pipeline policy.
/// </summary>
internal static class SpeedToLeadBenchmark
{
    public static async Task RunAsync(AzuriteProcess azurite, int leadsPerSecond, TimeSpan duration)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var prefix = $"bs{run}";
        await using var host = new HostProcess([
            .. azurite.HostSettings(prefix),
            "--AzureFunctionsJobHost:extensions:queues:maxPollingInterval=00:00:02",
        ]);
        await host.StartAsync();
        await Load.OpenLoopAsync(20, TimeSpan.FromSeconds(1), () =>
            Load.PostLeadAsync(host.Client, Load.Lead(run + "w"))
        );
        var table = BenchStorage.LeadsTable(azurite, prefix);
        var warm = await WaitForLeadsAsync(table, $"bench-{run}w-", 20);

        var before = await host.HealthFigureAsync("runtime", "storageOperations");
        var latencies = await Load.OpenLoopAsync(leadsPerSecond, duration, () =>
            Load.PostLeadAsync(host.Client, Load.Lead(run))
        );
        var expected = latencies.Length;
        var rows = await WaitForLeadsAsync(table, $"bench-{run}-", expected);
        var operations = await host.HealthFigureAsync("runtime", "storageOperations") - before;

        // From the moment the form was received to the moment storage holds the scored lead.
        var speeds = rows.Select(r =>
                (r.Timestamp!.Value - r.GetDateTimeOffset("LastSubmittedAt")!.Value).TotalMilliseconds
            )
            .ToList();
        var p95 = Load.Percentile(speeds, 95);
        Report.Figure(
            $"speed to lead p95 at {leadsPerSecond} leads/s",
            p95,
            " ms",
            "≤ 1000 ms",
            p95 <= 1000 && rows.Count == expected
        );
        Report.Note(
            $"{rows.Count} of {expected} leads stored (warm-up {warm.Count}); p50 {Load.Percentile(speeds, 50):0} "
                + $"ms, max {speeds.DefaultIfEmpty().Max():0} ms"
        );
        var perLead = operations / (double)expected;
        Report.Figure("storage operations per new lead, end to end", perLead, string.Empty, "≤ 5", perLead <= 5);
        Report.Note($"{operations} operations for {expected} leads, idle polling of the other queues included");
    }

    private static async Task<List<TableEntity>> WaitForLeadsAsync(TableClient table, string emailPrefix, int expected)
    {
        var filter = BenchStorage.LeadRowsByEmailPrefix(emailPrefix);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        List<TableEntity> rows;
        do
        {
            await Task.Delay(500);
            rows = await table.QueryAsync<TableEntity>(filter).ToListAsync();
        } while (rows.Count < expected && DateTime.UtcNow < deadline);
        return rows;
    }
}
