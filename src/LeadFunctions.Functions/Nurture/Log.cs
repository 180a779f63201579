using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Nurture;

/// <summary>Nurture logs count sends and name messages by dispatch id, never a person.</summary>
internal static partial class Log
{
    [LoggerMessage(
        EventId = 1550,
        Level = LogLevel.Information,
        Message = "Nurture timer: {Sends} due sends queued (past due: {PastDue})"
    )]
    public static partial void Dispatched(ILogger logger, int sends, bool pastDue);

    [LoggerMessage(
        EventId = 1551,
        Level = LogLevel.Information,
        Message = "Nurture message {DispatchId}: {Sent} sent, {Rescheduled} rescheduled, {Stopped} stopped, "
            + "{Uncertain} uncertain, {Skipped} skipped, {Failed} failed, {Dropped} dropped, {Held} held (campaign "
            + "paused), {TimedOut} waits timed out"
    )]
    public static partial void Sent(
        ILogger logger,
        string dispatchId,
        int sent,
        int rescheduled,
        int stopped,
        int uncertain,
        int skipped,
        int failed,
        int dropped,
        int held,
        int timedOut
    );

    [LoggerMessage(
        EventId = 1552,
        Level = LogLevel.Warning,
        Message = "Nurture message {DispatchId} delivered again (delivery {DequeueCount}): handed on as {First} and "
            + "{Second}"
    )]
    public static partial void HandedOn(
        ILogger logger,
        string dispatchId,
        long dequeueCount,
        string first,
        string second
    );

    [LoggerMessage(
        EventId = 1553,
        Level = LogLevel.Warning,
        Message = "Nurture timer: {Messages} poisoned nurture-send messages queued again"
    )]
    public static partial void Redriven(ILogger logger, int messages);
}
