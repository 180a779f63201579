using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Email;

/// <summary>SendGrid logs count events and name leads by id, never by address.</summary>
internal static partial class Log
{
    [LoggerMessage(
        EventId = 1300,
        Level = LogLevel.Information,
        Message = "SendGrid webhook: {Events} events queued in {Messages} messages"
    )]
    public static partial void Queued(ILogger logger, int events, int messages);

    [LoggerMessage(
        EventId = 1301,
        Level = LogLevel.Information,
        Message = "SendGrid events: {Engaged} engagement, {Suppressed} suppressions, {Delivery} delivery, {Ignored} "
            + "ignored, {Unhandled} unhandled"
    )]
    public static partial void Processed(
        ILogger logger,
        int engaged,
        int suppressed,
        int delivery,
        int ignored,
        int unhandled
    );

    [LoggerMessage(
        EventId = 1310,
        Level = LogLevel.Warning,
        Message = "Spam brake: campaign {CampaignId} paused, {SpamReports} spam reports of {Deliveries} deliveries in "
            + "the last day; resume it once the cause is found"
    )]
    public static partial void SpamBrake(ILogger logger, string campaignId, long spamReports, long deliveries);
}
