namespace LeadFunctions.Core.Webinars;

/// <summary>
/// ON24 has no webhooks: each run reads the configured events' registrants and attendees from a watermark and hands
/// them to <see cref="WebinarIntake"/> as any platform's webhook does (docs/webinars/on24.md).
/// <para>
/// A list's watermark is when its last full read started; the next read starts <see cref="OverlapOf"/> before it,
/// since ON24 lists people only some time after they registered or watched. A watermark moves only after everyone
/// read is queued, so a run cut short reads the same people again, and they are recorded once (their ids derive from
/// the webinar and the email). A rate-limited run leaves a "not before" time that later runs, on any host, wait
/// for. Once attendance has settled after the live end (<see cref="AttendanceSettles"/>), the end is handed on once,
/// after an attendee read that started then, so that every no-show is one.
/// </para>
/// </summary>
public sealed class On24Poll(
    IOn24Api api,
    IOn24PollState state,
    WebinarIntake intake,
    On24PollSettings settings,
    TimeProvider time
)
{
    /// <summary>ON24 lists a registrant about 15 minutes after they registered: reads overlap by an hour.</summary>
    public static readonly TimeSpan RegistrantOverlap = TimeSpan.FromHours(1);

    /// <summary>ON24 lists a live attendee 30 minutes to 2 hours after the event ends, an on-demand viewer 4 to 12
    /// hours after they watched: reads overlap by 12 hours.</summary>
    public static readonly TimeSpan AttendeeOverlap = TimeSpan.FromHours(12);

    /// <summary>ON24 lists the last live attendee at most 2 hours after the event ends: the end is handed on
    /// then.</summary>
    public static readonly TimeSpan AttendanceSettles = TimeSpan.FromHours(2);

    /// <summary>How many people of a page are queued at once.</summary>
    private const int Parallelism = 8;

    public static TimeSpan OverlapOf(On24List list) =>
        list == On24List.Registrants ? RegistrantOverlap : AttendeeOverlap;

    public async Task<On24PollOutcome> PollAsync(CancellationToken cancellationToken)
    {
        if (!settings.IsConfigured)
        {
            return new On24PollOutcome(On24PollStatus.NotConfigured);
        }

        var throttle = await state.ReadThrottleAsync(cancellationToken);
        if (throttle.NotBefore > time.GetUtcNow())
        {
            return new On24PollOutcome(On24PollStatus.Waiting) { NotBefore = throttle.NotBefore };
        }

        var outcome = new On24PollOutcome(On24PollStatus.Polled);
        try
        {
            foreach (var eventId in settings.EventIds)
            {
                try
                {
                    outcome = await PollEventAsync(eventId, outcome, cancellationToken);
                }
                catch (On24Exception ex) when (ex.Failure == On24Failure.EventRefused)
                {
                    // This event only (inactive, another client's, gone): the others are read.
                    outcome = outcome with { Refused = [.. outcome.Refused, eventId] };
                }
            }
        }
        catch (On24Exception ex) when (ex.Failure == On24Failure.RateLimited)
        {
            var next = throttle.After(ex.RetryAfter, time.GetUtcNow());
            await state.SaveThrottleAsync(next, cancellationToken);
            return outcome with { Status = On24PollStatus.RateLimited, NotBefore = next.NotBefore };
        }
        catch (On24Exception ex)
        {
            return outcome with
            {
                Status =
                    ex.Failure == On24Failure.Unauthorized ? On24PollStatus.Unauthorized : On24PollStatus.Unavailable,
                Reason = ex.Message,
            };
        }

        if (throttle.Strikes > 0)
        {
            await state.SaveThrottleAsync(On24Throttle.None, cancellationToken);
        }

        return outcome;
    }

    private async Task<On24PollOutcome> PollEventAsync(
        string eventId,
        On24PollOutcome outcome,
        CancellationToken cancellationToken
    )
    {
        var details = await api.GetEventAsync(eventId, cancellationToken);
        var marks = await state.ReadAsync(eventId, cancellationToken);
        outcome = await ReadListAsync(details, On24List.Registrants, marks, outcome, cancellationToken);
        var webinar = details.Webinar;
        if (webinar.StartsAt is { } startsAt && startsAt > time.GetUtcNow())
        {
            return outcome;
        }

        var attendeesReadAt = time.GetUtcNow();
        outcome = await ReadListAsync(details, On24List.Attendees, marks, outcome, cancellationToken);
        if (marks.Ended || webinar.EndsAt is not { } endsAt || attendeesReadAt < endsAt + AttendanceSettles)
        {
            return outcome;
        }

        if (await intake.EndAsync(webinar, endsAt, cancellationToken) is null)
        {
            await state.MarkEndedAsync(eventId, endsAt, cancellationToken);
            outcome = outcome with { Ended = [.. outcome.Ended, eventId] };
        }

        return outcome;
    }

    private async Task<On24PollOutcome> ReadListAsync(
        On24Event details,
        On24List list,
        On24Watermarks marks,
        On24PollOutcome outcome,
        CancellationToken cancellationToken
    )
    {
        var eventId = details.Webinar.Id!;
        var startedAt = time.GetUtcNow();
        var since = marks.Of(list) - OverlapOf(list);
        var (queued, skipped) = (0, 0);
        for (var page = 0; ; page++)
        {
            var (people, last) =
                list == On24List.Registrants
                    ? await RegisterPageAsync(details, since, page, cancellationToken)
                    : await AttendPageAsync(details, since, page, cancellationToken);
            queued += people.Count(accepted => accepted);
            skipped += people.Count(accepted => !accepted);
            if (last)
            {
                break;
            }
        }

        await state.AdvanceAsync(eventId, list, startedAt, cancellationToken);
        return list == On24List.Registrants
            ? outcome with
            {
                Registered = outcome.Registered + queued,
                Skipped = outcome.Skipped + skipped,
            }
            : outcome with
            {
                Attended = outcome.Attended + queued,
                Skipped = outcome.Skipped + skipped,
            };
    }

    private async Task<(bool[] Accepted, bool Last)> RegisterPageAsync(
        On24Event details,
        DateTimeOffset? since,
        int page,
        CancellationToken cancellationToken
    )
    {
        var read = await api.GetRegistrantsAsync(details.Webinar.Id!, since, page, cancellationToken);
        return (
            await EachAsync(
                read.Items,
                async (registrant, ct) =>
                    await intake.RegisterAsync(
                        details.Webinar,
                        registrant.Form,
                        registrant.RegisteredAt ?? time.GetUtcNow(),
                        details.AudienceUrl,
                        ct
                    )
                        is null,
                cancellationToken
            ),
            read.IsLast
        );
    }

    private async Task<(bool[] Accepted, bool Last)> AttendPageAsync(
        On24Event details,
        DateTimeOffset? since,
        int page,
        CancellationToken cancellationToken
    )
    {
        var read = await api.GetAttendeesAsync(details.Webinar.Id!, since, page, cancellationToken);
        return (
            await EachAsync(
                read.Items,
                async (attendee, ct) =>
                    await intake.AttendAsync(
                        details.Webinar,
                        attendee.Email,
                        attendee.FirstSeenAt ?? time.GetUtcNow(),
                        attendee.Minutes,
                        ct
                    )
                        is null,
                cancellationToken
            ),
            read.IsLast
        );
    }

    /// <summary>Hands each person on, a few at once; whether each was taken (false: refused, such as without an
    /// email, and never taken on a later read either).</summary>
    private static async Task<bool[]> EachAsync<T>(
        IReadOnlyList<T> people,
        Func<T, CancellationToken, Task<bool>> handOn,
        CancellationToken cancellationToken
    )
    {
        var accepted = new bool[people.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, people.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => accepted[i] = await handOn(people[i], ct)
        );
        return accepted;
    }
}

/// <summary>Which ON24 events the poll reads; none (or no client id and token pair) and it reads
/// nothing.</summary>
public sealed record On24PollSettings(IReadOnlyList<string> EventIds, bool HasCredentials)
{
    public bool IsConfigured => HasCredentials && EventIds.Count > 0;
}

public enum On24PollStatus
{
    /// <summary>No client id, token pair or event ids: nothing to do.</summary>
    NotConfigured,

    /// <summary>ON24 asked to slow down earlier; this run called nothing.</summary>
    Waiting,

    Polled,
    RateLimited,
    Unauthorized,
    Unavailable,
}

/// <summary>What a run did: how many registrants and attendees it queued, how many it skipped (no valid email), the
/// events whose end it handed on, the events ON24 refused, and when it may call ON24 again.</summary>
public sealed record On24PollOutcome(On24PollStatus Status)
{
    public int Registered { get; init; }
    public int Attended { get; init; }
    public int Skipped { get; init; }
    public IReadOnlyList<string> Ended { get; init; } = [];
    public IReadOnlyList<string> Refused { get; init; } = [];
    public DateTimeOffset? NotBefore { get; init; }
    public string? Reason { get; init; }
}
