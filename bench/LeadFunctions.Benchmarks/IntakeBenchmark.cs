using Azure.Storage.Queues;
using LeadFunctions.Adapters;
using LeadFunctions.Core.Intake;
using LeadFunctions.Testing;

namespace LeadFunctions.Benchmarks;

/// <summary>
/// Intake against its baseline: the same message shape enqueued straight into Azurite by the same
/// number of workers. The intake function's processing is switched off
/// (AzureWebJobs.ProcessLeadIntake.Disabled) so both sides measure the same thing: getting a lead
/// durably onto the queue.
/// </summary>
internal static class IntakeBenchmark
{
    private const int Rounds = 3;

    public static async Task<double> RunAsync(AzuriteProcess azurite, TimeSpan duration, int workers)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var host = new HostProcess($"--AzureWebJobsStorage={azurite.ConnectionString}", $"--Storage:NamePrefix=bi{run}", "--AzureWebJobs.ProcessLeadIntake.Disabled=true");
        await host.StartAsync();

        var raw = new QueueClient(azurite.ConnectionString, $"bi{run}-baseline", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await raw.CreateAsync();
        var submission = new LeadSubmission
        {
            SubmissionId = Guid.NewGuid().ToString("N"),
            ReceivedAt = DateTimeOffset.UtcNow,
            Email = "sule.caglar@acme.com",
            FirstName = "Şule",
            LastName = "Çağlar",
            Company = "Acme A.Ş.",
            JobTitle = "IT Manager",
            Phone = "+90 532 123 45 67",
            Country = "TR",
            Source = "web",
            ConsentEmail = true,
            SourceDetail = new Dictionary<string, string> { ["utm_source"] = "bench" },
        };
        var body = BinaryData.FromObjectAsJson(submission, JsonDefaults.Options);

        // Warm both paths up (JIT, connection pools) before measuring.
        await Load.ClosedLoopAsync(workers, TimeSpan.FromSeconds(2), () => Load.PostLeadAsync(host.Client, Load.Lead(run)));
        // Alternating rounds, so that neither side is measured only while Azurite is fresher.
        var (rawRate, intakeRate, peak) = (0.0, 0.0, 0L);
        for (var round = 0; round < Rounds; round++)
        {
            rawRate += await Load.ClosedLoopAsync(workers, duration / Rounds, async () =>
            {
                await raw.SendMessageAsync(body);
                return true;
            }) / Rounds;

            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, host.WorkingSetBytes);
                    await Task.Delay(100, CancellationToken.None);
                }
            });
            intakeRate += await Load.ClosedLoopAsync(workers, duration / Rounds, () => Load.PostLeadAsync(host.Client, Load.Lead(run))) / Rounds;
            await sampling.CancelAsync();
            await sampler;
        }

        Report.Figure("intake: accepted leads/s ÷ raw Azurite enqueue rate", intakeRate / rawRate, string.Empty, "≥ 0.8", intakeRate / rawRate >= 0.8);
        Report.Note($"POST /api/leads {intakeRate:0} leads/s, raw enqueue {rawRate:0} messages/s, {workers} workers, {Rounds} alternating rounds of {duration.TotalSeconds / Rounds:0.#} s each");
        Report.Figure("host working set under the intake load", peak / 1024.0 / 1024.0, " MB", "≤ 250 MB", peak <= 250L * 1024 * 1024);

        var rawLatencies = await Load.OpenLoopAsync(intakeRate / 2, duration, async () =>
        {
            await raw.SendMessageAsync(body);
            return true;
        });
        var latencies = await Load.OpenLoopAsync(intakeRate / 2, duration, () => Load.PostLeadAsync(host.Client, Load.Lead(run)));
        var p99 = Load.Percentile(latencies, 99);
        Report.Figure("intake latency p99 at half the measured maximum rate", p99, " ms", "≤ 25 ms", p99 <= 25);
        Report.Note($"{intakeRate / 2:0} leads/s for {duration.TotalSeconds:0} s: p50 {Load.Percentile(latencies, 50):0.0} ms, p95 {Load.Percentile(latencies, 95):0.0} ms; raw enqueue at the same rate: p99 {Load.Percentile(rawLatencies, 99):0.0} ms");

        // Tens of thousands of messages left in Azurite slow down every later scenario.
        await raw.DeleteAsync();
        await new QueueClient(azurite.ConnectionString, $"bi{run}-lead-intake").DeleteAsync();
        return intakeRate;
    }
}
