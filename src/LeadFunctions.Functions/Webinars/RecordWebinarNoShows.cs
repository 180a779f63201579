using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Webinars;

/// <summary>webinar-endings: a page of an ended webinar's registrations, each registrant who did not attend recorded as
/// a no-show (webinar_missed; one that fails queued on lead-events), and the next page queued. A failure retries the
/// page, which records nobody twice.</summary>
[QueueFunction(QueueNames.WebinarEndings)]
public sealed partial class RecordWebinarNoShows(WebinarNoShows noShows, ILogger<RecordWebinarNoShows> logger)
{
    public async Task RunAsync(WebinarEnding ending, CancellationToken cancellationToken)
    {
        var (recorded, queued) = await noShows.RecordPageAsync(ending, cancellationToken);
        Recorded(logger, ending.Webinar.Platform, ending.Webinar.Id, recorded, queued);
    }

    [LoggerMessage(
        EventId = 1850,
        Level = LogLevel.Information,
        Message = "Webinar {Platform} {WebinarId} ended: {NoShows} no-shows recorded from a page of its registrations, "
            + "{Queued} of them queued on lead-events to be retried"
    )]
    private static partial void Recorded(ILogger logger, string platform, string? webinarId, int noShows, int queued);
}
