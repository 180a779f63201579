using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LeadFunctions.Benchmarks;
using LeadFunctions.Testing;

// ./bench.sh [all|speed|scoring|rescore|reliability] [--quick] [--leads N]
var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var quick = args.Contains("--quick");
var duration = TimeSpan.FromSeconds(quick ? 3 : 10);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"LeadFunctions benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Environment.OSVersion}{(quick ? ", quick" : string.Empty)}"));

if (what is "all" or "scoring")
{
    var config = ManualConfig.CreateMinimumViable()
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithAffinity(1));
    var summary = BenchmarkRunner.Run<ScoringBenchmark>(config);
    var nanoseconds = summary.Reports.Single().ResultStatistics?.Mean ?? double.NaN;
    Report.Figure("scoring engine, pure CPU, leads/s on one core", 1e9 / nanoseconds, string.Empty, "≥ 500000", 1e9 / nanoseconds >= 500_000);
}

if (what is "all" or "speed")
{
    // Each on a fresh Azurite: the tens of thousands of messages one leaves behind slow the next down,
    // and deleting them takes Azurite minutes.
    double maximum;
    await using (var azurite = await StartAzuriteAsync(inMemory: true))
    {
        maximum = await IntakeBenchmark.ThroughputAsync(azurite, duration, workers: 32);
    }

    await using (var azurite = await StartAzuriteAsync(inMemory: true))
    {
        await IntakeBenchmark.LatencyAsync(azurite, maximum / 2, duration * 2);
    }

    await using (var azurite = await StartAzuriteAsync(inMemory: true))
    {
        await SpeedToLeadBenchmark.RunAsync(azurite, leadsPerSecond: 100, duration);
    }

    await using (var azurite = await StartAzuriteAsync(inMemory: true))
    {
        await ProcessingThroughputBenchmark.RunAsync(azurite, 2000);
    }
}

if (what is "all" or "rescore")
{
    await using var azurite = await StartAzuriteAsync(inMemory: true);
    var leads = args.SkipWhile(a => a != "--leads").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(quick ? 5_000 : 50_000);
    await RescoreBenchmark.RunAsync(azurite, leads);
}

if (what is "all" or "reliability")
{
    // Outages stop and restart Azurite, so its data must be on disk.
    await using var azurite = await StartAzuriteAsync(inMemory: false);
    await ReliabilityScenarios.CrashAsync(azurite, quick ? 2_000 : 20_000);
    await ReliabilityScenarios.OutageAsync(azurite);
    await ReliabilityScenarios.TwoHostsAsync(azurite);
}

Console.WriteLine(Report.AllMet ? "all targets met" : "some targets missed");
return Report.AllMet ? 0 : 1;

static async Task<AzuriteProcess> StartAzuriteAsync(bool inMemory)
{
    var azurite = new AzuriteProcess(inMemory);
    try
    {
        await azurite.StartAsync();
        return azurite;
    }
    catch
    {
        await azurite.DisposeAsync();
        throw;
    }
}
