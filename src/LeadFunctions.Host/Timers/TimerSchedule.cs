using System.Globalization;
using Cronos;

namespace LeadFunctions.Host.Timers;

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
