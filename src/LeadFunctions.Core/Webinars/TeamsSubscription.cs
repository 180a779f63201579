namespace LeadFunctions.Core.Webinars;

/// <summary>
/// A Teams webinar we follow: Graph's subscription on its registrations (renewed before it expires), the webinar as
/// Graph described it when subscribed or last renewed, when its attendance was read (after which it is no longer
/// renewed), and when its end was queued (its no-shows).
/// </summary>
public sealed record TeamsSubscription(
    string WebinarId,
    string SubscriptionId,
    DateTimeOffset ExpiresAt,
    Webinar Webinar,
    DateTimeOffset? AttendanceReadAt = null,
    DateTimeOffset? EndedAt = null
);

/// <summary>The followed Teams webinars, one row each (docs/storage.md, TeamsSubscriptions).</summary>
public interface ITeamsSubscriptionStore
{
    Task<TeamsSubscription?> GetAsync(string webinarId, CancellationToken cancellationToken);

    /// <summary>Every followed webinar (they are few).</summary>
    Task<IReadOnlyList<TeamsSubscription>> ListAsync(CancellationToken cancellationToken);

    Task PutAsync(TeamsSubscription subscription, CancellationToken cancellationToken);
}
