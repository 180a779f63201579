using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Webinars;

/// <summary>
/// Every five minutes: reads the configured ON24 events' new registrants and attendees (ON24 has no webhooks) and
/// queues them as any webinar platform's webhook does (<see cref="On24Poll"/>, docs/webinars/on24.md). After ON24 asked
/// to slow down, runs call nothing until the time it set.
/// </summary>
[TimerFunction(Schedule)]
public sealed partial class PollOn24(On24Poll poll, ILogger<PollOn24> logger)
{
    /// <summary>At every fifth minute.</summary>
    public const string Schedule = "0 */5 * * * *";

    public async Task RunAsync(TimerRunInfo timer, CancellationToken cancellationToken)
    {
        var outcome = await poll.PollAsync(cancellationToken);
        switch (outcome.Status)
        {
            case On24PollStatus.NotConfigured:
                break;
            case On24PollStatus.Waiting:
                Waiting(logger, outcome.NotBefore);
                break;
            case On24PollStatus.RateLimited:
                RateLimited(logger, outcome.NotBefore);
                break;
            case On24PollStatus.Unauthorized or On24PollStatus.Unavailable:
                Failed(logger, outcome.Reason);
                break;
            default:
                Polled(logger, outcome.Registered, outcome.Attended, outcome.Skipped);
                break;
        }

        foreach (var eventId in outcome.Ended)
        {
            Ended(logger, eventId);
        }

        foreach (var eventId in outcome.Refused)
        {
            Refused(logger, eventId);
        }
    }

    [LoggerMessage(
        EventId = 1765,
        Level = LogLevel.Information,
        Message = "ON24 poll: event {EventId} ended; its no-shows follow"
    )]
    private static partial void Ended(ILogger logger, string eventId);

    [LoggerMessage(
        EventId = 1760,
        Level = LogLevel.Information,
        Message = "ON24 poll: {Registered} registrants and {Attended} attendees queued, {Skipped} without a valid email"
    )]
    private static partial void Polled(ILogger logger, int registered, int attended, int skipped);

    [LoggerMessage(
        EventId = 1761,
        Level = LogLevel.Information,
        Message = "ON24 poll skipped: ON24 asked to wait until {NotBefore}"
    )]
    private static partial void Waiting(ILogger logger, DateTimeOffset? notBefore);

    [LoggerMessage(
        EventId = 1762,
        Level = LogLevel.Warning,
        Message = "ON24 poll rate-limited: no call before {NotBefore}; what was queued before stays queued"
    )]
    private static partial void RateLimited(ILogger logger, DateTimeOffset? notBefore);

    [LoggerMessage(
        EventId = 1763,
        Level = LogLevel.Error,
        Message = "ON24 poll failed, nothing past what was queued changed: {Reason}"
    )]
    private static partial void Failed(ILogger logger, string? reason);

    [LoggerMessage(
        EventId = 1764,
        Level = LogLevel.Warning,
        Message = "ON24 poll: event {EventId} refused (inactive, not this client's, or gone); check On24:EventIds"
    )]
    private static partial void Refused(ILogger logger, string eventId);
}
