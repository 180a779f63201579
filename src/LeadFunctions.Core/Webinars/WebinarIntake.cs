using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Webinars;

/// <summary>
/// What every webinar platform's webhook turns into: a registrant becomes a lead (see <see cref="WebinarRegistrant"/>)
/// plus a webinar_registered event with the join URL; attendance becomes a webinar_attended event with the minutes
/// attended; the webinar's end is queued on webinar-endings, which turns every registrant who did not attend into a
/// webinar_missed event. Ids derive from the delivery, so a platform's retry is recorded once.
/// </summary>
public sealed class WebinarIntake(
    ISubmissionQueue submissions,
    IEventQueue events,
    IWebinarEndingQueue endings,
    TimeProvider time
)
{
    /// <summary>Field errors, or null when the registrant was queued.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>?> RegisterAsync(
        Webinar webinar,
        LeadForm registrant,
        DateTimeOffset occurredAt,
        string? joinUrl,
        CancellationToken cancellationToken
    )
    {
        var validation = WebinarRegistrant.Validate(webinar, registrant, time.GetUtcNow());
        var joinUrlError = WebinarAttendance.JoinUrlError(joinUrl);
        if (validation.Value is not { } submission || joinUrlError is not null)
        {
            return joinUrlError is null
                ? validation.Errors
                : validation.Errors.Append(joinUrlError.Value).ToDictionary();
        }

        var detail = webinar.Detail();
        if (joinUrl is not null)
        {
            detail[WebinarAttendance.JoinUrl] = joinUrl;
        }

        await submissions.EnqueueAsync(submission, cancellationToken);
        await events.EnqueueAsync(
            Event(
                webinar,
                submission.Email,
                EventTypes.WebinarRegistered,
                Plausible(occurredAt),
                webinar.RegistrationId(registrant.Email),
                detail
            ),
            cancellationToken
        );
        return null;
    }

    /// <summary>Field errors, or null when the attendance was queued. <paramref name="minutes"/>: how long the person
    /// attended, when the platform says it.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>?> AttendAsync(
        Webinar webinar,
        string? email,
        DateTimeOffset occurredAt,
        int? minutes,
        CancellationToken cancellationToken
    )
    {
        if (!EmailAddress.TryNormalize(email, out var normalized))
        {
            return new Dictionary<string, string[]>
            {
                [LeadFormFields.Email] = ["The attendee's email is missing or not valid."],
            };
        }

        var errors = webinar.Validate()?.ToDictionary() ?? [];
        if (WebinarAttendance.MinutesError(minutes) is { } minutesError)
        {
            errors.Add(minutesError.Key, minutesError.Value);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var detail = webinar.Detail();
        if (minutes is { } attended)
        {
            detail[WebinarAttendance.Minutes] = WebinarAttendance.Write(attended);
        }

        await events.EnqueueAsync(
            Event(
                webinar,
                normalized,
                EventTypes.WebinarAttended,
                Plausible(occurredAt),
                webinar.AttendanceId(normalized),
                detail
            ),
            cancellationToken
        );
        return null;
    }

    /// <summary>
    /// Field errors, or null when the end was queued: every registrant who has not attended by the time the end is
    /// processed gets one webinar_missed event (however often the end arrives).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string[]>?> EndAsync(
        Webinar webinar,
        DateTimeOffset endedAt,
        CancellationToken cancellationToken
    )
    {
        if (webinar.Validate() is { } errors)
        {
            return errors;
        }

        await endings.EnqueueAsync(new WebinarEnding(webinar, Plausible(endedAt)), cancellationToken);
        return null;
    }

    /// <summary>
    /// The platform's time for an event, unless it is further in the future or the past than an event
    /// posted to /api/events may be: then the time it reached us. A time years ahead would never decay.
    /// </summary>
    private DateTimeOffset Plausible(DateTimeOffset occurredAt)
    {
        var now = time.GetUtcNow();
        return occurredAt > now + EventFormValidator.FutureTolerance || occurredAt < now - EventFormValidator.MaxAge
            ? now
            : occurredAt;
    }

    private static EngagementEvent Event(
        Webinar webinar,
        string email,
        string type,
        DateTimeOffset occurredAt,
        string eventId,
        IReadOnlyDictionary<string, string> detail
    ) =>
        new()
        {
            EventId = eventId,
            LeadId = LeadId.FromEmail(email),
            Type = type,
            OccurredAt = occurredAt,
            Source = webinar.Platform,
            Detail = detail,
        };
}
