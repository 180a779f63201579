namespace LeadFunctions.Core.Webinars;

/// <summary>
/// Work for the teams-notifications queue: a registration Graph notified (read it and register the person), one of
/// Graph's lifecycle notifications, a full read of a webinar's registrations, its attendance after the end, or the
/// end itself.
/// </summary>
public sealed record TeamsNotification
{
    /// <summary>A registration created or updated.</summary>
    public const string Registration = "registration";

    /// <summary>A lifecycle notification (<see cref="LifecycleEvent"/>) about a subscription.</summary>
    public const string Lifecycle = "lifecycle";

    /// <summary>Every registration of the webinar read again (after subscribing, a dropped subscription or
    /// "missed").</summary>
    public const string Resync = "resync";

    /// <summary>The attendance of an ended webinar.</summary>
    public const string Attendance = "attendance";

    /// <summary>The webinar's end (its no-shows), a timer round after its attendance was read.</summary>
    public const string End = "end";

    public required string Kind { get; init; }

    public string? WebinarId { get; init; }

    public string? RegistrationId { get; init; }

    public string? SubscriptionId { get; init; }

    /// <summary>Graph's own: reauthorizationRequired, subscriptionRemoved or missed.</summary>
    public string? LifecycleEvent { get; init; }
}

/// <summary>teams-notifications: sent before the webhook answers Graph, so what was answered 202 is kept.</summary>
public interface ITeamsNotificationQueue
{
    Task EnqueueAsync(IReadOnlyList<TeamsNotification> notifications, CancellationToken cancellationToken);
}
