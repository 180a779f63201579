using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Webinars;

/// <summary>
/// Every five minutes: ends each webinar whose platform sends no end (GoTo Webinar) half an hour after its scheduled
/// end, as kept from the platform's webinar events (<see cref="WebinarSchedule"/>); its no-shows follow on
/// webinar-endings.
/// </summary>
[TimerFunction(Schedule)]
public sealed partial class EndScheduledWebinars(WebinarSchedule schedule, ILogger<EndScheduledWebinars> logger)
{
    /// <summary>At every fifth minute.</summary>
    public const string Schedule = "0 */5 * * * *";

    public async Task RunAsync(TimerRunInfo timer, CancellationToken cancellationToken)
    {
        foreach (var webinar in await schedule.EndDueAsync(cancellationToken))
        {
            Ended(logger, webinar.Platform, webinar.Id, webinar.EndsAt);
        }
    }

    [LoggerMessage(
        EventId = 1851,
        Level = LogLevel.Information,
        Message = "Webinar {Platform} {WebinarId} ended as scheduled at {EndsAt}; its no-shows follow"
    )]
    private static partial void Ended(ILogger logger, string platform, string? webinarId, DateTimeOffset? endsAt);
}
