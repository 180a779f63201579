using LeadFunctions.Core.Health;
using LeadFunctions.Functions.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeadFunctions.Functions.Tests.Health;

public class StorageHealthCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private sealed class FixedProbe(StorageState state) : IStorageProbe
    {
        public Task<StorageState> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(state);
    }

    private static Task<HealthCheckResult> CheckAsync(StorageState state) =>
        new StorageHealthCheck(
            new FixedProbe(state),
            Options.Create(new HealthOptions()),
            new FakeTimeProvider(Now)
        ).CheckHealthAsync(new HealthCheckContext());

    private static QueueBacklog Idle(string queue) => new(queue, 0, 0, null);

    [Fact]
    public async Task CheckHealthAsync_StorageDoesNotAnswer_UnhealthySayingWhat()
    {
        var error = new HttpRequestException("refused");
        var result = await CheckAsync(StorageState.Unreachable("Storage is unreachable.", error));
        Assert.Equal((HealthStatus.Unhealthy, "Storage is unreachable."), (result.Status, result.Description));
        Assert.Same(error, result.Exception);
    }

    [Fact]
    public async Task CheckHealthAsync_QueuesEmpty_HealthyWithEachQueueAndItsPoisonQueueCounted()
    {
        var result = await CheckAsync(StorageState.Reachable([Idle("lead-intake"), Idle("lead-events")]));
        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(["lead-intake", "lead-intake-poison", "lead-events", "lead-events-poison"], result.Data.Keys);
    }

    [Fact]
    public async Task CheckHealthAsync_MessagesInPoisonQueues_DegradedWithTheirSum()
    {
        var result = await CheckAsync(
            StorageState.Reachable([new("lead-intake", 0, 2, null), new("lead-events", 0, 1, null)])
        );
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("3 message(s) in poison queues need attention.", result.Description);
        Assert.Equal(2, result.Data["lead-intake-poison"]);
    }

    [Fact]
    public async Task CheckHealthAsync_WorkWaiting_OverdueOnlyPastItsQueuesAllowance()
    {
        var result = await CheckAsync(
            StorageState.Reachable([
                new("lead-intake", 1, 0, Now.AddMinutes(-6)),
                new("lead-events", 1, 0, Now.AddMinutes(-4)),
                new("lead-rescore", 256, 0, Now.AddHours(-2)),
            ])
        );
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("lead-intake (6 min", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("lead-events", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("lead-rescore", result.Description, StringComparison.Ordinal);
    }
}
