namespace LeadFunctions.Core.Campaigns;

/// <summary>What becomes of the sends a paused campaign held when it is resumed.</summary>
public enum MissedSends
{
    /// <summary>Back into the due index as due now: they go under the usual rules (window, gap, priority).</summary>
    Send,

    /// <summary>Each held step is passed over (recorded skipped, not sent) and its enrollment goes on to its next
    /// step.</summary>
    Skip,
}

/// <summary>
/// A campaign-resume message: release the campaign's held sends as <see cref="Missed"/> says. Sends held after
/// <see cref="ResumedAt"/> (by a host whose campaign cache had not seen the resume yet) were not missed and are sent.
/// <see cref="Final"/>: the last look, queued to come a while after the first pass, for those late holds.
/// </summary>
public sealed record CampaignResume(
    string CampaignId,
    MissedSends Missed,
    DateTimeOffset ResumedAt,
    bool Final = false
);

/// <summary>The campaign-resume queue.</summary>
public interface ICampaignResumeQueue
{
    /// <summary>Queues <paramref name="request"/>, visible after <paramref name="delay"/>.</summary>
    Task EnqueueAsync(CampaignResume request, TimeSpan delay, CancellationToken cancellationToken);
}
