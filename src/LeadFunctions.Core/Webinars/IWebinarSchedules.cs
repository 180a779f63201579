namespace LeadFunctions.Core.Webinars;

/// <summary>
/// Webinars as their platform scheduled them, for a platform that tells a webinar's times apart from its registrants
/// and sends nothing when it ends (GoTo Webinar): kept per platform and id, read at registration, and each scheduled
/// end handed on once (<see cref="WebinarSchedule"/>).
/// </summary>
public interface IWebinarSchedules
{
    /// <summary>Keeps the webinar's title, times and time zone, replacing what was kept; a new end is handed on when
    /// due, even when an earlier one was.</summary>
    Task KeepAsync(Webinar webinar, CancellationToken cancellationToken);

    /// <summary>A cancelled webinar: nothing is kept, and its end is never handed on.</summary>
    Task ForgetAsync(Webinar webinar, CancellationToken cancellationToken);

    Task<Webinar?> FindAsync(Webinar webinar, CancellationToken cancellationToken);

    /// <summary>The kept webinars whose scheduled end is at or before <paramref name="at"/> and not handed on
    /// yet.</summary>
    Task<IReadOnlyList<Webinar>> EndedByAsync(DateTimeOffset at, CancellationToken cancellationToken);

    Task MarkEndedAsync(Webinar webinar, CancellationToken cancellationToken);
}
