using System.Diagnostics;
using LeadFunctions.Testing;

namespace LeadFunctions.Benchmarks;

/// <summary>How fast a backlog drains: leads queued while processing was off, then one host started (start-up
/// included).</summary>
internal static class ProcessingThroughputBenchmark
{
    public static async Task RunAsync(AzuriteProcess azurite, int leads)
    {
        var prefix = "bd" + Guid.NewGuid().ToString("N")[..8];
        var settings = azurite.HostSettings(prefix);
        await using (var intake = new HostProcess([.. settings, "--AzureWebJobs.ProcessLeadIntake.Disabled=true"]))
        {
            await intake.StartAsync();
            await Parallel.ForEachAsync(
                Enumerable.Range(0, leads),
                new ParallelOptions { MaxDegreeOfParallelism = 16 },
                async (_, _) => await Load.PostLeadAsync(intake.Client, Load.Lead(prefix))
            );
        }

        var queue = BenchStorage.IntakeQueue(azurite, prefix);
        await using var host = new HostProcess(settings);
        var sw = Stopwatch.StartNew();
        await host.StartAsync();
        while ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
        {
            await Task.Delay(200);
        }

        Report.Note(
            $"processing: a backlog of {leads} leads drained in {sw.Elapsed.TotalSeconds:0.0} s, "
                + $"{leads / sw.Elapsed.TotalSeconds:0} leads/s with host start-up (no target)"
        );
    }
}
