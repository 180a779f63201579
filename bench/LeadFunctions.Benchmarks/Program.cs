using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LeadFunctions.Benchmarks;
using LeadFunctions.Testing;

// ./bench.sh [part] [--quick] [--leads N] [--on-disk]; the parts are listed below and in bench.sh.
var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var quick = args.Contains("--quick");
string[] parts =
[
    "all",
    "speed",
    "intake",
    "scoring",
    "rescore",
    "reliability",
    "nurture",
    "welcome",
    "nurture-crash",
    "funnel",
    "webinars",
    "webinar-end",
    "ui",
];
string[] flags = ["--quick", "--leads", "--on-disk"];
if (!parts.Contains(what) || args.Any(a => a.StartsWith('-') && !flags.Contains(a)))
{
    // A misspelt part or flag (or --help) must not start the hour-long run of everything, nor nothing in silence.
    Console.Error.WriteLine($"usage: ./bench.sh [{string.Join('|', parts)}] [--quick] [--leads N] [--on-disk]");
    return 2;
}

// --on-disk: the intake scenarios on Azurite as ./run.sh starts it (on disk), to say what a local run can take.
var intakeInMemory = !args.Contains("--on-disk");
var duration = TimeSpan.FromSeconds(quick ? 3 : 10);
Console.WriteLine(
    string.Create(
        CultureInfo.InvariantCulture,
        $"LeadFunctions benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, "
            + $"{Environment.OSVersion}{(quick ? ", quick" : string.Empty)}"
    )
);

if (what is "all" or "scoring")
{
    var config = ManualConfig
        .CreateMinimumViable()
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithAffinity(1));
    var summary = BenchmarkRunner.Run<ScoringBenchmark>(config);
    var nanoseconds = summary.Reports.Single().ResultStatistics?.Mean ?? double.NaN;
    Report.Figure(
        "scoring engine, pure CPU, leads/s on one core",
        1e9 / nanoseconds,
        string.Empty,
        "≥ 500000",
        1e9 / nanoseconds >= 500_000
    );
}

// Each speed scenario and the rescoring on a fresh Azurite: the tens of thousands of messages or rows
// one leaves behind slow the next down, and deleting them takes Azurite minutes.
if (what is "all" or "speed" or "intake")
{
    var maximum = 0.0;
    await OnFreshAzuriteAsync(intakeInMemory, async azurite =>
        maximum = await IntakeBenchmark.ThroughputAsync(azurite, duration, workers: 32)
    );
    await OnFreshAzuriteAsync(intakeInMemory, azurite =>
        IntakeBenchmark.LatencyAsync(azurite, maximum / 2, duration * 2)
    );
}

if (what is "all" or "speed")
{
    await OnFreshAzuriteAsync(inMemory: true, azurite =>
        SpeedToLeadBenchmark.RunAsync(azurite, leadsPerSecond: 100, duration)
    );
    await OnFreshAzuriteAsync(inMemory: true, azurite => ProcessingThroughputBenchmark.RunAsync(azurite, 2000));
}

if (what is "all" or "rescore")
{
    var leads = args.SkipWhile(a => a != "--leads")
        .Skip(1)
        .Select(a => int.Parse(a, CultureInfo.InvariantCulture))
        .FirstOrDefault(quick ? 5_000 : 100_000);
    await OnFreshAzuriteAsync(inMemory: true, azurite => RescoreBenchmark.RunAsync(azurite, leads));
}

if (what is "all" or "reliability")
{
    // Outages stop and restart Azurite, so its data must be on disk.
    await OnFreshAzuriteAsync(inMemory: false, async azurite =>
    {
        await ReliabilityScenarios.CrashAsync(azurite, quick ? 2_000 : 20_000);
        await ReliabilityScenarios.OutageAsync(azurite);
        await ReliabilityScenarios.TwoHostsAsync(azurite);
    });
}

if (what is "all" or "nurture")
{
    await OnFreshAzuriteAsync(inMemory: true, azurite =>
        quick ? NurtureBenchmark.RunAsync(azurite, 10_000, 1_000) : NurtureBenchmark.RunAsync(azurite, 100_000, 10_000)
    );
}

if (what is "all" or "nurture" or "welcome")
{
    await OnFreshAzuriteAsync(inMemory: true, WelcomeBenchmark.RunAsync);
}

if (what is "all" or "nurture-crash")
{
    // Like the crash run above, on Azurite on disk.
    foreach (var withEvents in (bool[])[false, true])
    {
        await OnFreshAzuriteAsync(inMemory: false, azurite =>
            NurtureCrashScenario.RunAsync(
                azurite,
                quick ? 300 : 2_000,
                TimeSpan.FromMinutes(quick ? 6 : 10),
                withEvents
            )
        );
    }
}

if (what is "all" or "funnel")
{
    await OnFreshAzuriteAsync(inMemory: true, azurite =>
        quick ? FunnelBenchmark.RunAsync(azurite, 1_000, 10_000) : FunnelBenchmark.RunAsync(azurite, 10_000, 100_000)
    );
}

if (what is "all" or "webinars")
{
    for (var webhook = 0; webhook < WebhookBenchmark.Count; webhook++)
    {
        var index = webhook;
        await OnFreshAzuriteAsync(inMemory: true, azurite => WebhookBenchmark.RunAsync(azurite, index, duration, 32));
    }
}

if (what is "all" or "ui")
{
    await OnFreshAzuriteAsync(inMemory: true, azurite => UiBenchmark.RunAsync(azurite, quick ? 10_000 : 100_000));
}

if (what is "all" or "webinar-end")
{
    await OnFreshAzuriteAsync(inMemory: true, azurite => WebinarEndBenchmark.RunAsync(azurite, quick ? 500 : 5_000));
}

Console.WriteLine(Report.AllMet ? "all targets met" : "some targets missed");
return Report.AllMet ? 0 : 1;

// A heap that the emulator does not have to collect every few seconds under load (see AzuriteProcess).
static async Task OnFreshAzuriteAsync(bool inMemory, Func<AzuriteProcess, Task> scenario)
{
    await using var azurite = new AzuriteProcess(inMemory, initialOldSpaceMegabytes: 2048);
    await azurite.StartAsync();
    await scenario(azurite);
}
