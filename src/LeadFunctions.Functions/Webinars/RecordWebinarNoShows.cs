using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Webinars;

/// <summary>webinar-endings: a page of an ended webinar's registrations, each registrant who did not attend queued as
/// a no-show (webinar_missed), and the next page queued. A failure retries the page, which records nobody
/// twice.</summary>
[QueueFunction(QueueNames.WebinarEndings)]
public sealed partial class RecordWebinarNoShows(WebinarNoShows noShows, ILogger<RecordWebinarNoShows> logger)
{
    public async Task RunAsync(WebinarEnding ending, CancellationToken cancellationToken)
    {
        var queued = await noShows.RecordPageAsync(ending, cancellationToken);
        Recorded(logger, ending.Webinar.Platform, ending.Webinar.Id, queued);
    }

    [LoggerMessage(
        EventId = 1850,
        Level = LogLevel.Information,
        Message = "Webinar {Platform} {WebinarId} ended: {NoShows} no-shows queued from a page of its registrations"
    )]
    private static partial void Recorded(ILogger logger, string platform, string? webinarId, int noShows);
}
