namespace LeadFunctions.Core.Webinars;

/// <summary>
/// The few Microsoft Graph calls Teams webinars need (docs/webinars/teams.md): the webinar, its registrations, the
/// attendance of its sessions, and the change-notification subscription on its registrations.
/// </summary>
public interface ITeamsGraph
{
    /// <summary>The webinar (platform "teams"), or null when Graph has no webinar of that id.</summary>
    Task<Webinar?> GetWebinarAsync(string webinarId, CancellationToken cancellationToken);

    /// <summary>One registration, or null when Graph has none of that id.</summary>
    Task<TeamsRegistration?> GetRegistrationAsync(
        string webinarId,
        string registrationId,
        CancellationToken cancellationToken
    );

    /// <summary>Every registration of the webinar, page after page.</summary>
    IAsyncEnumerable<TeamsRegistration> ListRegistrationsAsync(string webinarId, CancellationToken cancellationToken);

    /// <summary>The attendance records of every attendance report of every session of the webinar.</summary>
    Task<TeamsAttendance> GetAttendanceAsync(string webinarId, CancellationToken cancellationToken);

    /// <summary>A new subscription to the webinar's registrations (created and updated), its lifecycle notifications
    /// to the same address. Graph checks the address with its validation handshake before it answers.</summary>
    Task<GraphSubscription> SubscribeAsync(
        string webinarId,
        TeamsSubscriptionTarget target,
        DateTimeOffset expiresAt,
        CancellationToken cancellationToken
    );

    /// <summary>The subscription kept until <paramref name="expiresAt"/>; null when Graph no longer has it.</summary>
    Task<GraphSubscription?> RenewAsync(
        string subscriptionId,
        DateTimeOffset expiresAt,
        CancellationToken cancellationToken
    );

    /// <summary>Answers a reauthorizationRequired lifecycle notification; false when Graph no longer has the
    /// subscription.</summary>
    Task<bool> ReauthorizeAsync(string subscriptionId, CancellationToken cancellationToken);
}

/// <summary>A subscription as Graph answered it.</summary>
public sealed record GraphSubscription(string Id, DateTimeOffset ExpiresAt);

/// <summary>Where Graph sends notifications, and the clientState it sends back with each.</summary>
public sealed record TeamsSubscriptionTarget(Uri NotificationUrl, string ClientState);

/// <summary>A virtualEventRegistration: its status is Graph's own (registered, canceled, waitlisted,
/// pendingApproval, rejectedByOrganizer).</summary>
public sealed record TeamsRegistration(
    string Id,
    string? Email,
    string? FirstName,
    string? LastName,
    string? Status,
    DateTimeOffset? RegisteredAt
)
{
    public const string Registered = "registered";
}

/// <summary>An attendanceRecord: who (email, role), how long in all, and when they first joined.</summary>
public sealed record TeamsAttendee(string? Email, string? Role, long Seconds, DateTimeOffset? JoinedAt);

/// <summary>How many attendance reports the sessions have (none yet: Teams has not written them), and their
/// records.</summary>
public sealed record TeamsAttendance(int Reports, IReadOnlyList<TeamsAttendee> Attendees);
