using LeadFunctions.Core.Intake;

namespace LeadFunctions.Core.Webinars;

/// <summary>
/// The few calls of ON24's REST API (v2, event-level analytics) the poll makes: the event's details, and its
/// registrants and attendees page by page. A failure is an <see cref="On24Exception"/> saying what kind it was.
/// </summary>
public interface IOn24Api
{
    /// <summary>The event's title, live start and end, time zone and the address its audience joins at.</summary>
    Task<On24Event> GetEventAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// One page (from 0) of the event's registrants who registered from <paramref name="since"/> on (all when null).
    /// </summary>
    Task<On24Page<On24Registrant>> GetRegistrantsAsync(
        string eventId,
        DateTimeOffset? since,
        int page,
        CancellationToken cancellationToken
    );

    /// <summary>One page (from 0) of the event's attendees active from <paramref name="since"/> on (all when
    /// null).</summary>
    Task<On24Page<On24Attendee>> GetAttendeesAsync(
        string eventId,
        DateTimeOffset? since,
        int page,
        CancellationToken cancellationToken
    );
}

/// <summary>An ON24 event as a webinar (its live start and end), with the address its audience joins at: ON24 gives
/// no registrant a link of their own in its lists.</summary>
public sealed record On24Event(Webinar Webinar, string? AudienceUrl);

/// <summary>A page of a list and whether it was the last.</summary>
public sealed record On24Page<T>(IReadOnlyList<T> Items, bool IsLast);

/// <summary>A registrant in the form's fields, and when they registered.</summary>
public sealed record On24Registrant(LeadForm Form, DateTimeOffset? RegisteredAt);

/// <summary>An attendee: their email, when they first watched (live or on demand) and for how many
/// minutes.</summary>
public sealed record On24Attendee(string? Email, DateTimeOffset? FirstSeenAt, int? Minutes);

/// <summary>What went wrong with a call to ON24.</summary>
public enum On24Failure
{
    /// <summary>429, or ON24's 403 "You have reached the maximum number of calls": wait before the next
    /// call.</summary>
    RateLimited,

    /// <summary>401: the token pair is wrong or revoked; nothing can be read until it is fixed.</summary>
    Unauthorized,

    /// <summary>403 (other than the call limit) or 404: this event cannot be read (inactive, not the client's,
    /// gone).</summary>
    EventRefused,

    /// <summary>No answer, a 5xx, or an answer that is not ON24's JSON: try again at the next poll.</summary>
    Unavailable,
}

/// <summary>A call to ON24 that failed, with ON24's hint of how long to wait when it gave one.</summary>
public sealed class On24Exception(On24Failure failure, string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public On24Failure Failure { get; } = failure;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
