namespace LeadFunctions.Core.Email;

/// <summary>Where SendGrid events that change no lead and no consent are kept. Both writes are idempotent by the
/// event's id.</summary>
public interface ISendGridEventLog
{
    /// <summary>Delivery events (processed, delivered, deferred, soft bounces) under their send, for the campaigns'
    /// stats.</summary>
    Task RecordDeliveryAsync(IReadOnlyList<SendGridEvent> events, CancellationToken cancellationToken);

    /// <summary>Events of a type we do not handle, or that could not be read: kept for a look, never retried.</summary>
    Task KeepUnhandledAsync(IReadOnlyList<UnhandledSendGridEvent> events, CancellationToken cancellationToken);
}

/// <summary>An event kept aside: its id (SendGrid's, or one derived from its JSON), why, and its JSON cut to
/// <see cref="MaxJsonLength"/>.</summary>
public sealed record UnhandledSendGridEvent(string Id, string Why, string Json)
{
    public const int MaxJsonLength = 8 * 1024;
}
