namespace LeadFunctions.Core.Webinars;

/// <summary>
/// A webinar's schedule where its platform tells it only on the webinar's own events (GoTo Webinar's webinar.created
/// and webinar.changed) and sends nothing at its end: the times are kept, a registration made later carries the start
/// (for reminders timed from it) and the end, and the end is handed on (<see cref="WebinarIntake.EndAsync"/>) once
/// <see cref="EndsAfter"/> has passed since the scheduled end, so every registrant who did not join is a no-show then.
/// </summary>
public sealed class WebinarSchedule(IWebinarSchedules schedules, WebinarIntake intake, TimeProvider time)
{
    /// <summary>How long after its scheduled end a webinar is ended: a webinar that runs over still has attendees, and
    /// a join reported after the end still counts as attendance (the registration turns attended).</summary>
    public static readonly TimeSpan EndsAfter = TimeSpan.FromMinutes(30);

    /// <summary>Field errors, or null once the webinar's schedule is kept (or, <paramref name="cancelled"/>,
    /// forgotten).</summary>
    public async Task<IReadOnlyDictionary<string, string[]>?> KeepAsync(
        Webinar webinar,
        bool cancelled,
        CancellationToken cancellationToken
    )
    {
        if (webinar.Validate() is { } errors)
        {
            return errors;
        }

        await (
            cancelled
                ? schedules.ForgetAsync(webinar, cancellationToken)
                : schedules.KeepAsync(webinar, cancellationToken)
        );
        return null;
    }

    /// <summary>The webinar with the kept title, start, end and time zone where its event names none.</summary>
    public async Task<Webinar> CompleteAsync(Webinar webinar, CancellationToken cancellationToken) =>
        webinar.Validate() is null && await schedules.FindAsync(webinar, cancellationToken) is { } kept
            ? webinar with
            {
                Title = webinar.Title ?? kept.Title,
                StartsAt = webinar.StartsAt ?? kept.StartsAt,
                EndsAt = webinar.EndsAt ?? kept.EndsAt,
                TimeZone = webinar.TimeZone ?? kept.TimeZone,
            }
            : webinar;

    /// <summary>Hands on the end of each kept webinar whose scheduled end is <see cref="EndsAfter"/> past, once; the
    /// webinars ended.</summary>
    public async Task<IReadOnlyList<Webinar>> EndDueAsync(CancellationToken cancellationToken)
    {
        var ended = new List<Webinar>();
        foreach (var webinar in await schedules.EndedByAsync(time.GetUtcNow() - EndsAfter, cancellationToken))
        {
            // A kept webinar was valid when kept: the end is queued (and otherwise not tried again).
            if (await intake.EndAsync(webinar, webinar.EndsAt!.Value, cancellationToken) is null)
            {
                ended.Add(webinar);
            }

            await schedules.MarkEndedAsync(webinar, cancellationToken);
        }

        return ended;
    }
}
