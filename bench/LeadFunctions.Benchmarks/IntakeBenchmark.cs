using Azure.Storage.Queues;
using LeadFunctions.Adapters;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Text;
using LeadFunctions.Testing;

namespace LeadFunctions.Benchmarks;

/// <summary>
/// Intake against its baseline: the same message shape enqueued straight into Azurite. The intake
/// function's processing is switched off (AzureWebJobs.ProcessLeadIntake.Disabled) so both sides
/// measure the same thing: getting a lead durably onto the queue. Both sides run in alternating
/// rounds, so that a pause of the emulator's (a Node garbage collection, say) cannot fall on one side only.
/// </summary>
internal sealed class IntakeBenchmark : IAsyncDisposable
{
    private const int Rounds = 3;
    private const int LatencyRounds = 10;
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private readonly HostProcess host;
    private readonly QueueClient raw;
    private readonly QueueClient intake;
    private readonly BinaryData body = BinaryData.FromObjectAsJson(
        new LeadSubmission
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
        },
        JsonDefaults.Options
    );

    private IntakeBenchmark(AzuriteProcess azurite)
    {
        host = new HostProcess([.. azurite.HostSettings($"bi{run}"), "--AzureWebJobs.ProcessLeadIntake.Disabled=true"]);
        raw = new QueueClient(
            azurite.ConnectionString,
            $"bi{run}-baseline",
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }
        );
        intake = BenchStorage.IntakeQueue(azurite, $"bi{run}");
    }

    /// <summary>Leads/s through POST /api/leads ÷ raw enqueues/s with the same workers, and the host's working set;
    /// returns the intake rate.</summary>
    public static async Task<double> ThroughputAsync(AzuriteProcess azurite, TimeSpan duration, int workers)
    {
        await using var bench = await StartAsync(azurite, workers);
        var (rawRate, intakeRate, peak) = (0.0, 0.0, 0L);
        for (var round = 0; round < Rounds; round++)
        {
            rawRate += await Load.ClosedLoopAsync(workers, duration / Rounds, bench.EnqueueAsync) / Rounds;
            await bench.ClearAsync();
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, bench.host.WorkingSetBytes);
                    await Task.Delay(100, CancellationToken.None);
                }
            });
            intakeRate += await Load.ClosedLoopAsync(workers, duration / Rounds, bench.PostAsync) / Rounds;
            await sampling.CancelAsync();
            await sampler;
            await bench.ClearAsync();
        }

        Report.Figure(
            "intake: accepted leads/s ÷ raw Azurite enqueue rate",
            intakeRate / rawRate,
            string.Empty,
            "≥ 0.8",
            intakeRate / rawRate >= 0.8
        );
        Report.Note(
            $"POST /api/leads {intakeRate:0} leads/s, raw enqueue {rawRate:0} messages/s, {workers} workers, "
                + $"{Rounds} alternating rounds of {duration.TotalSeconds / Rounds:0.#} s each"
        );
        Report.Figure(
            "host working set under the intake load",
            peak / 1024.0 / 1024.0,
            " MB",
            "≤ 250 MB",
            peak <= 250L * 1024 * 1024
        );
        return intakeRate;
    }

    /// <summary>Latency of POST /api/leads at a fixed rate (open loop), and of a raw enqueue at the same
    /// rate.</summary>
    public static async Task LatencyAsync(AzuriteProcess azurite, double perSecond, TimeSpan duration)
    {
        await using var bench = await StartAsync(azurite, workers: 8);
        var (rawLatencies, latencies) = (new List<double>(), new List<double>());
        var rounds = new List<string>();
        for (var round = 0; round < LatencyRounds; round++)
        {
            var rawRound = await Load.OpenLoopAsync(perSecond, duration / LatencyRounds, bench.EnqueueAsync);
            await bench.ClearAsync();
            var postRound = await Load.OpenLoopAsync(perSecond, duration / LatencyRounds, bench.PostAsync);
            await bench.ClearAsync();
            rawLatencies.AddRange(rawRound);
            latencies.AddRange(postRound);
            rounds.Add($"{Load.Percentile(rawRound, 99):0}/{Load.Percentile(postRound, 99):0}");
        }

        var p99 = Load.Percentile(latencies, 99);
        Report.Figure("intake latency p99 at half the measured maximum rate", p99, " ms", "≤ 25 ms", p99 <= 25);
        Report.Note(
            $"{perSecond:0} leads/s for {duration.TotalSeconds:0} s in {LatencyRounds} rounds: p50 "
                + $"{Load.Percentile(latencies, 50):0.0} ms, p95 {Load.Percentile(latencies, 95):0.0} ms; raw "
                + $"enqueue at the same rate: p50 {Load.Percentile(rawLatencies, 50):0.0} ms, p95 "
                + $"{Load.Percentile(rawLatencies, 95):0.0} ms, p99 {Load.Percentile(rawLatencies, 99):0.0} ms"
        );
        Report.Note($"p99 per round, raw/POST ms: {string.Join(' ', rounds)}");
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    /// <summary>A host and the baseline queue, both warmed up (JIT, connection pools) before measuring.</summary>
    private static async Task<IntakeBenchmark> StartAsync(AzuriteProcess azurite, int workers)
    {
        var bench = new IntakeBenchmark(azurite);
        await bench.host.StartAsync();
        await bench.raw.CreateAsync();
        await Load.ClosedLoopAsync(workers, TimeSpan.FromSeconds(2), bench.PostAsync);
        await Load.ClosedLoopAsync(workers, TimeSpan.FromSeconds(2), bench.EnqueueAsync);
        await bench.ClearAsync();
        return bench;
    }

    /// <summary>
    /// Empties both queues between rounds (not measured): Azurite scans every stored message on each
    /// receive and index update, so it slows down as messages pile up, which would make later rounds slower.
    /// </summary>
    private async Task ClearAsync()
    {
        await raw.ClearMessagesAsync();
        await intake.ClearMessagesAsync();
    }

    private async Task<bool> EnqueueAsync()
    {
        await raw.SendMessageAsync(body);
        return true;
    }

    private Task<bool> PostAsync() => Load.PostLeadAsync(host.Client, Load.Lead(run));
}
