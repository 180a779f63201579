namespace LeadFunctions.Core.Webinars;

/// <summary>
/// A webinar-endings message: <see cref="Webinar"/> ended at <see cref="EndedAt"/>, so its registrants who did not
/// attend are no-shows. <see cref="ContinuationToken"/>: where in its registrations the next page starts (null: at the
/// first).
/// </summary>
public sealed record WebinarEnding(Webinar Webinar, DateTimeOffset EndedAt, string? ContinuationToken = null);

/// <summary>The webinar-endings queue.</summary>
public interface IWebinarEndingQueue
{
    Task EnqueueAsync(WebinarEnding ending, CancellationToken cancellationToken);
}
