using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Webinars;

/// <summary>
/// What every webinar platform's webhook turns into: a registrant becomes a lead (see <see cref="WebinarRegistrant"/>)
/// with its webinar_registered event, in one message; attendance becomes a webinar_attended event. Ids derive from the delivery,
/// so a platform's retry is recorded once.
/// </summary>
public sealed class WebinarIntake(ISubmissionQueue submissions, IEventQueue events, TimeProvider time)
{
    /// <summary>Field errors, or null when the registrant was queued.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>?> RegisterAsync(
        Webinar webinar,
        LeadForm registrant,
        DateTimeOffset occurredAt,
        CancellationToken cancellationToken
    )
    {
        var validation = WebinarRegistrant.Validate(webinar, registrant, time.GetUtcNow());
        if (validation.Value is not { } submission)
        {
            return validation.Errors;
        }

        var registered = Event(
            webinar,
            submission.Email,
            EventTypes.WebinarRegistered,
            Plausible(occurredAt),
            webinar.RegistrationId(registrant.Email)
        );
        await submissions.EnqueueAsync(submission with { Engagement = registered }, cancellationToken);
        return null;
    }

    public async Task<IReadOnlyDictionary<string, string[]>?> AttendAsync(
        Webinar webinar,
        string? email,
        DateTimeOffset occurredAt,
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

        if (webinar.Validate() is { } errors)
        {
            return errors;
        }

        await events.EnqueueAsync(
            Event(
                webinar,
                normalized,
                EventTypes.WebinarAttended,
                Plausible(occurredAt),
                webinar.AttendanceId(normalized)
            ),
            cancellationToken
        );
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
        string eventId
    ) =>
        new()
        {
            EventId = eventId,
            LeadId = LeadId.FromEmail(email),
            Type = type,
            OccurredAt = occurredAt,
            Source = webinar.Platform,
            Detail = webinar.Detail(),
        };
}
