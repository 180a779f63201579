using System.Globalization;
using System.Text.Json;
using Cronos;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Functions.Nurture;
using LeadFunctions.Testing;

namespace LeadFunctions.FunctionApp.Tests.Settings;

/// <summary>Rules of the code that host.json's values must agree with, on Azure and self-hosted alike.</summary>
public sealed class HostJsonTests
{
    [Fact]
    public void QueueBatchSize_IsTheMessagesTheNurtureTimerFillsARunWith() =>
        Assert.Equal(NurtureScheduler.MessagesPerRun, Queues().GetProperty("batchSize").GetInt32());

    [Fact]
    public void MaxPollingInterval_IsHowLongASendQueuedAheadWaitsOnceVisible() =>
        Assert.Equal(
            NurtureScheduler.MaxPollingInterval,
            TimeSpan.Parse(Queues().GetProperty("maxPollingInterval").GetString()!, CultureInfo.InvariantCulture)
        );

    [Fact]
    public void NurtureTimerSchedule_FiresEveryPeriodTheSchedulerLooksAheadBy()
    {
        var schedule = CronExpression.Parse(DispatchNurtureSends.Schedule, CronFormat.IncludeSeconds);
        var from = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
        var fires = new List<DateTime> { from };
        for (var i = 0; i < 24; i++)
        {
            fires.Add(schedule.GetNextOccurrence(fires[^1])!.Value);
        }

        Assert.All(fires.Zip(fires.Skip(1)), f => Assert.Equal(NurtureScheduler.Period, f.Second - f.First));
        Assert.True(NurtureScheduler.LookAhead >= NurtureScheduler.Period);
    }

    private static JsonElement Queues()
    {
        using var hostJson = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(AzuriteProcess.RepositoryRoot(), "host.json"))
        );
        return hostJson.RootElement.GetProperty("extensions").GetProperty("queues").Clone();
    }
}
