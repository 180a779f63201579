using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Webinars;

/// <summary>
/// A webinar's end, a page of its registrations at a time: each registrant who has neither attended nor been recorded
/// a no-show gets a webinar_missed event, with an id from the webinar and the lead (so a retried page, a replayed end
/// or a platform's second end records it once); then the page's no-shows are marked on their registrations, together
/// (after the events: a failure between the two queues the same events again, never none), and the next page is
/// queued. A no-show whose attendance is reported
/// later turns attended (<see cref="Registration.Status"/>); the webinar_missed event stays on the timeline.
/// </summary>
public sealed class WebinarNoShows(IWebinarRegistrations registrations, IEventQueue events, IWebinarEndingQueue endings)
{
    /// <summary>Events queued at once; a page holds up to 1,000.</summary>
    private const int QueuedAtOnce = 32;

    /// <summary>How many registrants of the page were queued as no-shows.</summary>
    public async Task<int> RecordPageAsync(WebinarEnding ending, CancellationToken cancellationToken)
    {
        var webinar = ending.Webinar with { EndsAt = ending.Webinar.EndsAt ?? ending.EndedAt };
        var (page, next) = await registrations.ReadPageAsync(webinar, ending.ContinuationToken, cancellationToken);
        var noShows = page.Where(r => r.AwaitsEnd).ToList();
        await Parallel.ForEachAsync(
            noShows,
            new ParallelOptions { MaxDegreeOfParallelism = QueuedAtOnce, CancellationToken = cancellationToken },
            (registration, ct) => new ValueTask(events.EnqueueAsync(NoShow(webinar, registration, ending), ct))
        );
        var key = new Webinar(webinar.Platform, webinar.Id, null);
        await registrations.RecordAsync(
            [.. noShows.Select(r => new Registration(key, r.LeadId, MissedAt: ending.EndedAt))],
            cancellationToken
        );
        if (next is not null)
        {
            await endings.EnqueueAsync(ending with { ContinuationToken = next }, cancellationToken);
        }

        return noShows.Count;
    }

    private static EngagementEvent NoShow(Webinar webinar, Registration registration, WebinarEnding ending) =>
        new()
        {
            EventId = webinar.NoShowId(registration.LeadId),
            LeadId = registration.LeadId,
            Type = EventTypes.WebinarMissed,
            OccurredAt = ending.EndedAt,
            Source = webinar.Platform,
            Detail = webinar.Or(registration.Webinar).Detail(),
        };
}
