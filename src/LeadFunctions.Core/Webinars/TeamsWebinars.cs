using LeadFunctions.Core.Intake;

namespace LeadFunctions.Core.Webinars;

/// <summary>
/// Microsoft Teams webinars through Graph (docs/webinars/teams.md): following a webinar (a subscription on its
/// registrations, renewed before it expires and recreated when Graph dropped it), each notified registration read
/// from Graph and registered, and the attendance read once the webinar has ended.
/// </summary>
public sealed class TeamsWebinars(
    ITeamsGraph graph,
    ITeamsSubscriptionStore subscriptions,
    ITeamsNotificationQueue queue,
    WebinarIntake intake,
    TeamsSubscriptionTarget target,
    TimeProvider time
)
{
    public const string Platform = "teams";

    /// <summary>How long each subscription is asked for: Graph keeps one on virtual events a day at most.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(23);

    /// <summary>A subscription expiring within this is renewed by the next timer run.</summary>
    public static readonly TimeSpan RenewWithin = TimeSpan.FromHours(12);

    /// <summary>How long after its end a webinar's attendance is first read: Teams writes the reports when the sessions
    /// end.</summary>
    public static readonly TimeSpan AttendanceDelay = TimeSpan.FromMinutes(15);

    /// <summary>How long after the end a webinar without any attendance report is still waited for; after that it
    /// ends with nobody attended.</summary>
    public static readonly TimeSpan AttendanceWait = TimeSpan.FromDays(1);

    /// <summary>How long after the attendance read the webinar's end is queued (by the first timer round after it): the
    /// attended events are recorded first, so that no attendee is taken for a no-show.</summary>
    public static readonly TimeSpan EndDelay = TimeSpan.FromMinutes(5);

    /// <summary>The roles of the webinar's own people in an attendance record; they are not leads.</summary>
    private static readonly string[] HostRoles = ["organizer", "co-organizer", "coorganizer", "presenter"];

    /// <summary>Follows the webinar: a subscription on its registrations (the one we have, renewed, when Graph still
    /// has it), and its registrations so far read on the queue. Null when Graph has no such webinar.</summary>
    public async Task<TeamsSubscription?> FollowAsync(string webinarId, CancellationToken cancellationToken)
    {
        if (await graph.GetWebinarAsync(webinarId, cancellationToken) is not { } webinar)
        {
            return null;
        }

        var known = await subscriptions.GetAsync(webinarId, cancellationToken);
        var expiresAt = time.GetUtcNow() + Lifetime;
        var renewed = known is null ? null : await graph.RenewAsync(known.SubscriptionId, expiresAt, cancellationToken);
        var subscription = renewed ?? await graph.SubscribeAsync(webinarId, target, expiresAt, cancellationToken);
        var followed = new TeamsSubscription(webinarId, subscription.Id, subscription.ExpiresAt, webinar);
        await subscriptions.PutAsync(followed, cancellationToken);
        await queue.EnqueueAsync([Resync(webinarId)], cancellationToken);
        return followed;
    }

    /// <summary>
    /// The timer's round: renews the subscriptions of webinars still followed that expire within
    /// <see cref="RenewWithin"/> (recreating those Graph dropped), queues the attendance read of those that ended
    /// <see cref="AttendanceDelay"/> ago, and the end of those whose attendance was read <see cref="EndDelay"/> ago. A
    /// webinar whose Graph call fails is named in the answer; the others go on.
    /// </summary>
    public async Task<TeamsRound> TrackAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (renewed, recreated, queued) = (0, 0, new List<TeamsNotification>());
        var failed = new Dictionary<string, Exception>(StringComparer.Ordinal);
        foreach (var followed in await subscriptions.ListAsync(cancellationToken))
        {
            if (followed.AttendanceReadAt is { } readAt)
            {
                if (followed.EndedAt is null && readAt + EndDelay <= now)
                {
                    queued.Add(new TeamsNotification { Kind = TeamsNotification.End, WebinarId = followed.WebinarId });
                }

                continue;
            }

            if (followed.Webinar.EndsAt is { } endsAt && endsAt + AttendanceDelay <= now)
            {
                queued.Add(
                    new TeamsNotification { Kind = TeamsNotification.Attendance, WebinarId = followed.WebinarId }
                );
            }

            if (followed.ExpiresAt - RenewWithin > now)
            {
                continue;
            }

            try
            {
                if (await RenewAsync(followed, cancellationToken))
                {
                    renewed++;
                }
                else
                {
                    recreated++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed[followed.WebinarId] = ex;
            }
        }

        if (queued.Count > 0)
        {
            await queue.EnqueueAsync(queued, cancellationToken);
        }

        return new TeamsRound(renewed, recreated, queued.Count, failed);
    }

    /// <summary>One message of the teams-notifications queue; safe to handle twice (the ids of what it records are
    /// stable).</summary>
    public async Task<TeamsOutcome> HandleAsync(TeamsNotification notification, CancellationToken cancellationToken)
    {
        var followed =
            notification.Kind == TeamsNotification.Lifecycle
                ? await BySubscriptionAsync(notification.SubscriptionId, cancellationToken)
            : notification.WebinarId is { } webinarId ? await subscriptions.GetAsync(webinarId, cancellationToken)
            : null;
        if (followed is null)
        {
            return TeamsOutcome.NotFollowed;
        }

        return notification.Kind switch
        {
            TeamsNotification.Registration => await RegisterAsync(
                followed,
                notification.RegistrationId,
                cancellationToken
            ),
            TeamsNotification.Resync => await ResyncAsync(followed, cancellationToken),
            TeamsNotification.Attendance => await AttendAsync(followed, cancellationToken),
            TeamsNotification.End => await EndAsync(followed, cancellationToken),
            TeamsNotification.Lifecycle => await OnLifecycleAsync(
                followed,
                notification.LifecycleEvent,
                cancellationToken
            ),
            _ => TeamsOutcome.Ignored,
        };
    }

    private async Task<TeamsSubscription?> BySubscriptionAsync(string? id, CancellationToken cancellationToken) =>
        id is null
            ? null
            : (await subscriptions.ListAsync(cancellationToken)).FirstOrDefault(s =>
                string.Equals(s.SubscriptionId, id, StringComparison.Ordinal)
            );

    /// <summary>True when renewed; false when Graph had dropped it and it was made anew (its registrations then read
    /// again, for those made in between).</summary>
    private async Task<bool> RenewAsync(TeamsSubscription followed, CancellationToken cancellationToken)
    {
        var expiresAt = time.GetUtcNow() + Lifetime;
        var webinar = await graph.GetWebinarAsync(followed.WebinarId, cancellationToken) ?? followed.Webinar;
        if (await graph.RenewAsync(followed.SubscriptionId, expiresAt, cancellationToken) is { } renewed)
        {
            await subscriptions.PutAsync(
                followed with
                {
                    ExpiresAt = renewed.ExpiresAt,
                    Webinar = webinar,
                },
                cancellationToken
            );
            return true;
        }

        await RecreateAsync(followed with { Webinar = webinar }, cancellationToken);
        return false;
    }

    private async Task RecreateAsync(TeamsSubscription followed, CancellationToken cancellationToken)
    {
        var created = await graph.SubscribeAsync(
            followed.WebinarId,
            target,
            time.GetUtcNow() + Lifetime,
            cancellationToken
        );
        await subscriptions.PutAsync(
            followed with
            {
                SubscriptionId = created.Id,
                ExpiresAt = created.ExpiresAt,
            },
            cancellationToken
        );
        await queue.EnqueueAsync([Resync(followed.WebinarId)], cancellationToken);
    }

    private async Task<TeamsOutcome> OnLifecycleAsync(
        TeamsSubscription followed,
        string? lifecycleEvent,
        CancellationToken cancellationToken
    )
    {
        switch (lifecycleEvent)
        {
            case "reauthorizationRequired":
                if (!await graph.ReauthorizeAsync(followed.SubscriptionId, cancellationToken))
                {
                    await RecreateAsync(followed, cancellationToken);
                }

                return TeamsOutcome.Reauthorized;
            case "subscriptionRemoved":
                await RecreateAsync(followed, cancellationToken);
                return TeamsOutcome.Recreated;
            case "missed":
                await queue.EnqueueAsync([Resync(followed.WebinarId)], cancellationToken);
                return TeamsOutcome.Resynced;
            default:
                return TeamsOutcome.Ignored;
        }
    }

    private async Task<TeamsOutcome> RegisterAsync(
        TeamsSubscription followed,
        string? registrationId,
        CancellationToken cancellationToken
    )
    {
        var registration = registrationId is null
            ? null
            : await graph.GetRegistrationAsync(followed.WebinarId, registrationId, cancellationToken);
        return registration is null
            ? TeamsOutcome.NotFound
            : await RegisterAsync(followed.Webinar, registration, cancellationToken);
    }

    /// <summary>Only a registration Graph calls "registered" makes a lead: a waitlisted or pending one does when an
    /// update says it was let in; a canceled one is left as it is.</summary>
    private async Task<TeamsOutcome> RegisterAsync(
        Webinar webinar,
        TeamsRegistration registration,
        CancellationToken cancellationToken
    )
    {
        if (!string.Equals(registration.Status, TeamsRegistration.Registered, StringComparison.OrdinalIgnoreCase))
        {
            return TeamsOutcome.Ignored;
        }

        var registrant = new LeadForm
        {
            Email = registration.Email,
            FirstName = registration.FirstName,
            LastName = registration.LastName,
        };
        var errors = await intake.RegisterAsync(
            webinar,
            registrant,
            registration.RegisteredAt ?? time.GetUtcNow(),
            joinUrl: null, // Graph does not give a registrant's own join link.
            cancellationToken
        );
        return errors is null ? TeamsOutcome.Registered : TeamsOutcome.Refused;
    }

    private async Task<TeamsOutcome> ResyncAsync(TeamsSubscription followed, CancellationToken cancellationToken)
    {
        await foreach (var registration in graph.ListRegistrationsAsync(followed.WebinarId, cancellationToken))
        {
            await RegisterAsync(followed.Webinar, registration, cancellationToken);
        }

        return TeamsOutcome.Resynced;
    }

    /// <summary>
    /// Each attendee of the webinar's sessions (the webinar's own people left out) attended, for the minutes of all
    /// their records together; then it is marked read and no longer renewed (its end follows, <see cref="EndDelay"/>
    /// later). Without any report yet, and within <see cref="AttendanceWait"/> of the end, nothing happens: the next
    /// timer round asks again.
    /// </summary>
    private async Task<TeamsOutcome> AttendAsync(TeamsSubscription followed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (followed.AttendanceReadAt is not null)
        {
            return TeamsOutcome.Ignored;
        }

        var attendance = await graph.GetAttendanceAsync(followed.WebinarId, cancellationToken);
        if (attendance.Reports == 0 && followed.Webinar.EndsAt is { } endsAt && now < endsAt + AttendanceWait)
        {
            return TeamsOutcome.Waiting;
        }

        var attendees = attendance
            .Attendees.Where(a =>
                !string.IsNullOrWhiteSpace(a.Email)
                && !HostRoles.Contains(a.Role?.Trim() ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            )
            .GroupBy(a => a.Email!.Trim(), StringComparer.OrdinalIgnoreCase);
        foreach (var attendee in attendees)
        {
            var joinedAt = attendee.Min(a => a.JoinedAt) ?? followed.Webinar.StartsAt ?? now;
            var minutes = Minutes(attendee.Sum(a => a.Seconds));
            await intake.AttendAsync(followed.Webinar, attendee.Key, joinedAt, minutes, cancellationToken);
        }

        await subscriptions.PutAsync(followed with { AttendanceReadAt = now }, cancellationToken);
        return TeamsOutcome.Attended;
    }

    /// <summary>The webinar ended: every registrant who did not attend becomes a no-show (once, however often this
    /// runs).</summary>
    private async Task<TeamsOutcome> EndAsync(TeamsSubscription followed, CancellationToken cancellationToken)
    {
        if (followed.AttendanceReadAt is null || followed.EndedAt is not null)
        {
            return TeamsOutcome.Ignored;
        }

        var now = time.GetUtcNow();
        await intake.EndAsync(followed.Webinar, followed.Webinar.EndsAt ?? now, cancellationToken);
        await subscriptions.PutAsync(followed with { EndedAt = now }, cancellationToken);
        return TeamsOutcome.Ended;
    }

    /// <summary>Whole minutes attended, rounded to the nearest (Graph counts seconds), at most
    /// <see cref="WebinarAttendance.MaxMinutes"/>.</summary>
    public static int Minutes(long seconds) =>
        (int)Math.Min(WebinarAttendance.MaxMinutes, (Math.Max(0, seconds) + 30) / 60);

    private static TeamsNotification Resync(string webinarId) =>
        new() { Kind = TeamsNotification.Resync, WebinarId = webinarId };
}

/// <summary>What one timer round did: subscriptions renewed, made anew, attendance reads and ends queued, and the
/// webinars whose Graph calls failed.</summary>
public sealed record TeamsRound(int Renewed, int Recreated, int Queued, IReadOnlyDictionary<string, Exception> Failed);

/// <summary>What handling one teams-notifications message did.</summary>
public enum TeamsOutcome
{
    Registered,
    Refused,
    Ignored,
    NotFound,
    NotFollowed,
    Resynced,
    Reauthorized,
    Recreated,
    Waiting,
    Attended,
    Ended,
}
