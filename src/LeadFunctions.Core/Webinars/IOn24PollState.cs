namespace LeadFunctions.Core.Webinars;

/// <summary>What the ON24 poll remembers between runs and hosts: a watermark per event and list, whether the event's
/// end was handed on, and when ON24 may be called again.</summary>
public interface IOn24PollState
{
    Task<On24Watermarks> ReadAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>The list was read in full from a read that started at <paramref name="readStartedAt"/>, and everyone
    /// on it is queued.</summary>
    Task AdvanceAsync(string eventId, On24List list, DateTimeOffset readStartedAt, CancellationToken cancellationToken);

    /// <summary>The event's end was handed on (<see cref="WebinarIntake"/>); it is not handed on again.</summary>
    Task MarkEndedAsync(string eventId, DateTimeOffset endedAt, CancellationToken cancellationToken);

    Task<On24Throttle> ReadThrottleAsync(CancellationToken cancellationToken);

    Task SaveThrottleAsync(On24Throttle throttle, CancellationToken cancellationToken);
}

/// <summary>The two lists the poll reads of each event.</summary>
public enum On24List
{
    Registrants,
    Attendees,
}

/// <summary>When each list's last full read started (null: never read), and whether the end was handed
/// on.</summary>
public sealed record On24Watermarks(DateTimeOffset? Registrants, DateTimeOffset? Attendees, bool Ended)
{
    public static readonly On24Watermarks None = new(null, null, false);

    public DateTimeOffset? Of(On24List list) => list == On24List.Registrants ? Registrants : Attendees;
}

/// <summary>ON24 said to slow down: no call before <see cref="NotBefore"/>; <see cref="Strikes"/> rate-limited polls in
/// a row.</summary>
public sealed record On24Throttle(DateTimeOffset NotBefore, int Strikes)
{
    public static readonly On24Throttle None = new(DateTimeOffset.MinValue, 0);

    /// <summary>The first wait when ON24 names none; doubled for each rate-limited poll in a row.</summary>
    public static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait, whatever ON24 asks.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(6);

    /// <summary>One more rate-limited poll at <paramref name="now"/>: ON24's own hint when longer than the doubled
    /// wait.</summary>
    public On24Throttle After(TimeSpan? retryAfter, DateTimeOffset now)
    {
        var doubled = FirstWait * Math.Pow(2, Math.Min(Strikes, 10));
        var wait = retryAfter is { } hint && hint > doubled ? hint : doubled;
        return new On24Throttle(now + (wait > LongestWait ? LongestWait : wait), Strikes + 1);
    }
}
