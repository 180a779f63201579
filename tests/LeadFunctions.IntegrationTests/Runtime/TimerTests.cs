using System.Collections.Concurrent;
using LeadFunctions.Adapters;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.Host.Configuration;
using LeadFunctions.Host.Timers;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class TimerTests(AzuriteFixture azurite)
{
    private readonly ConcurrentQueue<(string Host, TimerRunInfo Info)> runs = new();

    private Action<WebApplicationBuilder> Timer(string hostName, string schedule, bool runOnStartup = false) =>
        builder =>
        {
            builder.Services.AddSingleton(runs);
            builder.Services.AddTimerTrigger<ConcurrentQueue<(string, TimerRunInfo)>>(
                "Tick",
                schedule,
                (recorded, info, _) =>
                {
                    recorded.Enqueue((hostName, info));
                    return Task.CompletedTask;
                },
                runOnStartup
            );
        };

    [Fact]
    public async Task Timer_TwoHostsSameStorage_EachOccurrenceRunsOnce()
    {
        var prefix = TestHost.NewPrefix();
        await using var first = await TestHost.StartAsync(azurite, Timer("first", "*/1 * * * * *"), prefix);
        await using var second = await TestHost.StartAsync(azurite, Timer("second", "*/1 * * * * *"), prefix);
        await Task.Delay(TimeSpan.FromSeconds(5));

        var snapshot = runs.ToArray();
        Assert.InRange(snapshot.Length, 3, 7);
        Assert.Single(snapshot.Select(r => r.Host).Distinct());
        Assert.Equal(snapshot.Length, snapshot.Select(r => r.Info.Last).Distinct().Count());
    }

    [Fact]
    public async Task Timer_MissedOccurrenceWhileNoHostRan_RunsAtStartAsPastDue()
    {
        var prefix = TestHost.NewPrefix();
        var past = await TimerStatus.WriteMissedAsync(azurite, prefix, "Tick");

        await using var host = await TestHost.StartAsync(azurite, Timer("only", "0 0 * * * *"), prefix);
        var run = await Eventually.GetAsync(
            () => Task.FromResult(runs.TryPeek(out var r) ? (object)r : null),
            because: "the past-due run"
        );

        var (_, info) = ((string, TimerRunInfo))run;
        Assert.True(info.IsPastDue);
        Assert.Equal(past, info.Next);
    }

    [Fact]
    public async Task Timer_RunOutlastingTheNextOccurrence_FiresTheNextAtOnce()
    {
        var starts = new ConcurrentQueue<DateTimeOffset>();
        var firstEnded = DateTimeOffset.MaxValue;
        await using var host = await TestHost.StartAsync(azurite, builder =>
        {
            builder.Services.AddSingleton(starts);
            builder.Services.AddTimerTrigger<ConcurrentQueue<DateTimeOffset>>(
                "Tick",
                "*/5 * * * * *",
                async (recorded, _, ct) =>
                {
                    recorded.Enqueue(DateTimeOffset.UtcNow);
                    if (recorded.Count == 1)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(6), ct); // outlasts the next occurrence by a second
                        firstEnded = DateTimeOffset.UtcNow;
                    }
                }
            );
        });

        await Eventually.TrueAsync(
            () => Task.FromResult(starts.Count >= 2),
            because: "the run after the overrun",
            timeout: TimeSpan.FromSeconds(20)
        );
        // not at the following :x0/:x5
        Assert.InRange(starts.ElementAt(1) - firstEnded, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Timer_RunPastFunctionTimeout_IsCancelledAndTheScheduleGoesOn()
    {
        var starts = new ConcurrentQueue<DateTimeOffset>();
        await using var host = await TestHost.StartAsync(
            azurite,
            builder =>
            {
                builder.Services.AddSingleton(starts);
                builder.Services.AddTimerTrigger<ConcurrentQueue<DateTimeOffset>>(
                    "Tick",
                    "*/1 * * * * *",
                    async (recorded, _, ct) =>
                    {
                        recorded.Enqueue(DateTimeOffset.UtcNow);
                        if (recorded.Count == 1)
                        {
                            await Task.Delay(Timeout.InfiniteTimeSpan, ct); // would hold the schedule for good
                        }
                    }
                );
            },
            settings: "--AzureFunctionsJobHost:functionTimeout=00:00:02"
        );

        await Eventually.TrueAsync(
            () => Task.FromResult(starts.Count >= 2),
            because: "the run after the timed-out one",
            timeout: TimeSpan.FromSeconds(15)
        );
        Assert.InRange(starts.ElementAt(1) - starts.First(), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(4));
    }

    [Theory]
    [InlineData(null, "00:30:00")]
    [InlineData("00:10:00", "00:10:00")]
    [InlineData("-1", null)]
    [InlineData("-1.00:00:00", null)]
    public void FunctionTimeout_FromHostJson_DefaultAndNoLimit(string? value, string? expected) =>
        Assert.Equal(
            expected is null ? null : TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            FunctionTimeout.Parse(value)
        );

    [Theory]
    [InlineData("ten minutes")]
    [InlineData("00:00:00.500")]
    [InlineData("-00:05:00")]
    public void FunctionTimeout_Invalid_Refused(string value) =>
        Assert.Throws<SettingException>(() => FunctionTimeout.Parse(value));

    [Fact]
    public async Task Timer_RunOnStartup_RunsOnceAtStartAndRecordsStatus()
    {
        var prefix = TestHost.NewPrefix();
        await using var host = await TestHost.StartAsync(
            azurite,
            Timer("only", "0 0 0 * * *", runOnStartup: true),
            prefix
        );
        await Eventually.TrueAsync(() => Task.FromResult(!runs.IsEmpty), because: "the startup run");
        Assert.False(runs.Single().Info.IsPastDue);

        var status = host.Container("azure-webjobs-hosts").GetBlobClient(TimerStatus.BlobName("Tick"));
        await Eventually.TrueAsync(async () => (await status.ExistsAsync()).Value, because: "the schedule status blob");
    }

    [Fact]
    public async Task Timer_StatusBlobUnreadable_PausesButStopsAtOnce()
    {
        var prefix = TestHost.NewPrefix();
        await TimerStatus.WriteAsync(azurite, prefix, "Tick", "not a schedule status");
        var host = await TestHost.StartAsync(azurite, Timer("only", "0 0 * * * *"), prefix);
        await Task.Delay(TimeSpan.FromSeconds(2)); // lease taken, status unreadable: a 10 s pause has begun

        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await host.DisposeAsync();
        Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(4));
        Assert.Empty(runs);
    }

    [Theory]
    [InlineData("0 */5 * * * *", "2026-11-24T09:02:00Z", "2026-11-24T09:05:00Z")]
    [InlineData("*/5 * * * *", "2026-11-24T09:02:00Z", "2026-11-24T09:05:00Z")]
    [InlineData("00:10:00", "2026-11-24T09:02:00Z", "2026-11-24T09:12:00Z")]
    [InlineData("%Nurture:Schedule%", "2026-11-24T09:02:00Z", "2026-11-24T09:03:00Z")]
    public void TimerSchedule_Formats_GiveTheNextOccurrence(string schedule, string after, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Nurture:Schedule"] = "0 * * * * *" })
            .Build();
        var parsed = TimerSchedule.Parse(schedule, configuration);
        Assert.Equal(
            DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            parsed.Next(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture))
        );
    }
}
