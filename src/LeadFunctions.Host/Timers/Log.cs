namespace LeadFunctions.Host.Timers;

internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "This host now runs timer {Function}")]
    public static partial void LeaseAcquired(ILogger logger, string function);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Lost the singleton lease of timer {Function}")]
    public static partial void LeaseLost(ILogger logger, Exception exception, string function);

    [LoggerMessage(
        EventId = 3003,
        Level = LogLevel.Warning,
        Message = "Could not take the singleton lease of timer {Function}; trying again later"
    )]
    public static partial void LeaseUnavailable(ILogger logger, Exception exception, string function);

    [LoggerMessage(
        EventId = 3004,
        Level = LogLevel.Warning,
        Message = "The schedule of timer {Function} failed; starting over"
    )]
    public static partial void ScheduleFailed(ILogger logger, Exception exception, string function);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Timer {Function} failed; its schedule goes on")]
    public static partial void TimerFailed(ILogger logger, Exception exception, string function);
}
