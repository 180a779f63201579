using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Security;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Functions.Webinars;

/// <summary>
/// What every webinar platform's webhook turns into: a registrant becomes a lead with source
/// "webinar" and the webinar recorded, plus a webinar_registered event; attendance becomes a
/// webinar_attended event. Ids derive from the delivery, so a platform's retry is recorded once.
/// A registrant is refused only for a missing or invalid email or webinar id.
/// </summary>
public sealed class WebinarIntake(ISubmissionQueue submissions, IEventQueue events, TimeProvider time)
{
    public const string Source = "webinar";

    /// <summary>Field errors, or null when the registrant was queued.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>?> RegisterAsync(Webinar webinar, LeadForm registrant, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var deliveryId = StableId.From(webinar.Platform, webinar.Id, "registered", registrant.Email?.Trim().ToLowerInvariant());
        var form = registrant with { Source = Source };
        var (submissionId, receivedAt) = ($"{webinar.Platform}-{deliveryId}", time.GetUtcNow());
        var validation = LeadFormValidator.Validate(form, submissionId, receivedAt);
        if (validation.Value is null && !validation.Errors.ContainsKey(LeadFormFields.Email))
        {
            validation = LeadFormValidator.Validate(WithoutFields(form, validation.Errors.Keys), submissionId, receivedAt);
        }

        var errors = webinar.Validate();
        if (validation.Value is not { } submission || errors is not null)
        {
            return errors is null ? validation.Errors : validation.Errors.Concat(errors).ToDictionary();
        }

        await submissions.EnqueueAsync(submission with { SourceDetail = webinar.Detail(), ConsentSource = ConsentSource.Webinar }, cancellationToken);
        await events.EnqueueAsync(Event(webinar, submission.Email, EventTypes.WebinarRegistered, Plausible(occurredAt), deliveryId), cancellationToken);
        return null;
    }

    public async Task<IReadOnlyDictionary<string, string[]>?> AttendAsync(Webinar webinar, string? email, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryNormalize(email, out var normalized))
        {
            return new Dictionary<string, string[]> { ["email"] = ["The attendee's email is missing or not valid."] };
        }

        if (webinar.Validate() is { } errors)
        {
            return errors;
        }

        var deliveryId = StableId.From(webinar.Platform, webinar.Id, "attended", normalized);
        await events.EnqueueAsync(Event(webinar, normalized, EventTypes.WebinarAttended, Plausible(occurredAt), deliveryId), cancellationToken);
        return null;
    }

    /// <summary>
    /// The platform's time for an event, unless it is further in the future or the past than an event
    /// posted to /api/events may be: then the time it reached us. A time years ahead would never decay.
    /// </summary>
    private DateTimeOffset Plausible(DateTimeOffset occurredAt)
    {
        var now = time.GetUtcNow();
        return occurredAt > now + EventFormValidator.FutureTolerance || occurredAt < now - EventFormValidator.MaxAge ? now : occurredAt;
    }

    /// <summary>
    /// A registrant with a valid email is kept even when the platform filled another field oddly (a phone
    /// "n/a", a size we cannot read): that field is dropped, not the person, as the platform would only
    /// send the same delivery again.
    /// </summary>
    private static LeadForm WithoutFields(LeadForm form, IEnumerable<string> fields) => fields.Aggregate(form, (f, field) => field switch
    {
        LeadFormFields.FirstName => f with { FirstName = null },
        LeadFormFields.LastName => f with { LastName = null },
        LeadFormFields.Phone => f with { Phone = null },
        LeadFormFields.Company => f with { Company = null },
        LeadFormFields.JobTitle => f with { JobTitle = null },
        LeadFormFields.Country => f with { Country = null },
        LeadFormFields.Industry => f with { Industry = null },
        LeadFormFields.CompanySize => f with { CompanySize = null },
        _ => f,
    });

    private static EngagementEvent Event(Webinar webinar, string email, string type, DateTimeOffset occurredAt, string eventId) => new()
    {
        EventId = eventId,
        LeadId = LeadId.FromEmail(email),
        Type = type,
        OccurredAt = occurredAt,
        Source = webinar.Platform,
        Detail = webinar.Detail(),
    };
}

/// <summary>A webinar as a platform names it.</summary>
public sealed record Webinar(string Platform, string? Id, string? Title)
{
    public IReadOnlyDictionary<string, string> Detail() => new Dictionary<string, string>
    {
        ["platform"] = Platform,
        ["webinarId"] = Id ?? string.Empty,
        ["webinarTitle"] = Title ?? string.Empty,
    };

    /// <summary>Ids and titles end up in table rows and on screens: short, printable, no markup.</summary>
    public IReadOnlyDictionary<string, string[]>? Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Id) || Id.Length > 100 || !Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors["webinarId"] = ["1 to 100 letters, digits, '-', '_' or '.'."];
        }

        if (Title is { } title && (title.Length > 300 || !SafeText.IsPlain(title)))
        {
            errors["webinarTitle"] = ["At most 300 characters, without control characters, '<' or '>'."];
        }

        return errors.Count == 0 ? null : errors;
    }
}
