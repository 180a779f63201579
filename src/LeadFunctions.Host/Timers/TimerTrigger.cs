using System.Globalization;
using Cronos;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Host.Timers;

/// <summary>
/// A function bound to a schedule: NCRONTAB with six fields (or five, without seconds), a TimeSpan
/// ("00:05:00"), or a "%Setting%" that names one of those in configuration.
/// </summary>
public sealed record TimerTrigger(
    string FunctionName,
    string Schedule,
    bool RunOnStartup,
    Func<IServiceProvider, TimerRunInfo, CancellationToken, Task> Invoke
);

public static class TimerTriggerRegistration
{
    public static IServiceCollection AddTimerTrigger<TFunction>(
        this IServiceCollection services,
        string functionName,
        string schedule,
        Func<TFunction, TimerRunInfo, CancellationToken, Task> run,
        bool runOnStartup = false
    )
        where TFunction : notnull =>
        services.AddSingleton(
            new TimerTrigger(functionName, schedule, runOnStartup, (provider, info, cancellationToken) =>
                run(provider.GetRequiredService<TFunction>(), info, cancellationToken)
            )
        );
}

/// <summary>
/// A timer's schedule (azure-webjobs-sdk-extensions src/WebJobs.Extensions/Extensions/Timers/Scheduling/CronSchedule.cs
/// and ConstantSchedule.cs): NCRONTAB "{second} {minute} {hour} {day} {month} {day-of-week}", five
/// fields without seconds, or a constant interval. Times are UTC unless WEBSITE_TIME_ZONE or TZ names a zone.
/// </summary>
internal sealed class TimerSchedule
{
    private readonly CronExpression? cron;
    private readonly TimeSpan interval;
    private readonly TimeZoneInfo zone;

    private TimerSchedule(CronExpression? cron, TimeSpan interval, TimeZoneInfo zone)
    {
        this.cron = cron;
        this.interval = interval;
        this.zone = zone;
    }

    /// <summary>The monitor is for schedules that fire at most once a minute, as in Functions.</summary>
    public bool UseMonitor(DateTimeOffset now)
    {
        var first = Next(now);
        return Next(first) - first >= TimeSpan.FromMinutes(1);
    }

    public DateTimeOffset Next(DateTimeOffset after) =>
        cron is null
            ? after + interval
            : cron.GetNextOccurrence(after, zone)
                ?? throw new InvalidOperationException("The schedule has no next occurrence.");

    public static TimerSchedule Parse(string schedule, IConfiguration configuration)
    {
        var expression = schedule.Trim();
        if (expression.Length > 2 && expression[0] == '%' && expression[^1] == '%')
        {
            var setting = expression[1..^1];
            expression = configuration[setting]
                ?? throw new InvalidOperationException($"The schedule setting '{setting}' is not configured.");
        }

        var zoneName = configuration["WEBSITE_TIME_ZONE"] ?? configuration["TZ"];
        var zone = string.IsNullOrEmpty(zoneName) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zoneName);
        if (
            !expression.Contains(' ', StringComparison.Ordinal)
            && TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var constant)
            && constant > TimeSpan.Zero
        )
        {
            return new TimerSchedule(null, constant, zone);
        }

        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return new TimerSchedule(CronExpression.Parse(expression, format), TimeSpan.Zero, zone);
    }
}
