namespace LeadFunctions.Host.Queues;

internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Listening to queue {Queue} for {Function}")]
    public static partial void Listening(ILogger logger, string queue, string function);

    [LoggerMessage(
        EventId = 2001,
        Level = LogLevel.Warning,
        Message = "{Function} failed on message {MessageId} (dequeue {DequeueCount} of {MaxDequeueCount})"
    )]
    public static partial void Failed(
        ILogger logger,
        Exception exception,
        string function,
        string messageId,
        long dequeueCount,
        int maxDequeueCount
    );

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Message {MessageId} moved to {PoisonQueue}")]
    public static partial void Poisoned(ILogger logger, string messageId, string poisonQueue);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Polling queue {Queue} failed; backing off")]
    public static partial void PollFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(
        EventId = 2004,
        Level = LogLevel.Warning,
        Message = "Could not complete message {MessageId} on {Queue}; it will be delivered again"
    )]
    public static partial void CompleteFailed(ILogger logger, Exception exception, string messageId, string queue);

    [LoggerMessage(
        EventId = 2005,
        Level = LogLevel.Debug,
        Message = "Message {MessageId} on {Queue} was already gone when completed ({Reason})"
    )]
    public static partial void AlreadyGone(ILogger logger, string messageId, string queue, string? reason);
}
