using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Webinars;

/// <summary>
/// A webinar's end, a page of its registrations at a time: each registrant who has neither attended nor been recorded
/// a no-show gets a webinar_missed event, with an id from the webinar and the lead (so a retried page, a replayed end
/// or a platform's second end records it once). The page records its no-shows itself, several at once, rather than
/// queueing an event each: a queue message per no-show costs three storage transactions more, and Azurite's queue
/// re-sorts a queue's messages on every delete, which made a 5,000-registrant end wait on the queue. A no-show whose
/// recording fails is queued on lead-events, to be retried there on its own. Then the page's no-shows are marked on
/// their registrations, together (after the events: a failure between the two records the same events again, never
/// none), and the next page is queued. A no-show whose attendance is reported later turns attended
/// (<see cref="Registration.Status"/>); the webinar_missed event stays on the timeline.
/// </summary>
public sealed class WebinarNoShows(
    IWebinarRegistrations registrations,
    IEngagementRecorder recorder,
    IEventQueue events,
    IWebinarEndingQueue endings
)
{
    /// <summary>No-shows recorded at once; a page holds up to 1,000.</summary>
    private const int RecordedAtOnce = 16;

    /// <summary>The page's no-shows: how many were recorded, and how many of them were queued to be retried.</summary>
    public async Task<(int NoShows, int Queued)> RecordPageAsync(
        WebinarEnding ending,
        CancellationToken cancellationToken
    )
    {
        var webinar = ending.Webinar with { EndsAt = ending.Webinar.EndsAt ?? ending.EndedAt };
        var (page, next) = await registrations.ReadPageAsync(webinar, ending.ContinuationToken, cancellationToken);
        var noShows = page.Where(r => r.AwaitsEnd).ToList();
        var queued = 0;
        await Parallel.ForEachAsync(
            noShows,
            new ParallelOptions { MaxDegreeOfParallelism = RecordedAtOnce, CancellationToken = cancellationToken },
            async (registration, ct) =>
            {
                var noShow = NoShow(webinar, registration, ending);
                try
                {
                    await recorder.ProcessAsync(noShow, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    await events.EnqueueAsync(noShow, ct);
                    Interlocked.Increment(ref queued);
                }
            }
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

        return (noShows.Count, queued);
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
