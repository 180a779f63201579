using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Nurture;

/// <summary>What became of one due send of a nurture-send message.</summary>
public enum NurtureSendOutcome
{
    /// <summary>SendGrid took it; the step is recorded sent and the next one scheduled.</summary>
    Sent,

    /// <summary>The entry no longer matches its enrollment (sent, moved, stopped, or another message holds its
    /// claim).</summary>
    Dropped,

    /// <summary>Not now: outside the window, inside the gap, behind a higher-priority campaign, a pending
    /// opt-in.</summary>
    Rescheduled,

    /// <summary>The enrollment ended (a stop condition, no consent, an archived campaign).</summary>
    Stopped,

    /// <summary>This message's earlier delivery claimed the step and died before recording it: never sent
    /// again.</summary>
    Uncertain,

    /// <summary>The step was removed from the campaign or could not be rendered; the enrollment moved on.</summary>
    Skipped,

    /// <summary>SendGrid refused the email for good: the step is failed with its reason, the enrollment moved
    /// on.</summary>
    Failed,

    /// <summary>The campaign is paused: the send was put aside with its due time (no lead write) until it is
    /// resumed.</summary>
    Held,

    /// <summary>A wait's time ran out: the enrollment took the wait's timeout branch.</summary>
    TimedOut,
}

/// <summary>
/// What one due send comes to, decided on the lead as just read: a change to write (or none), what it means, and
/// for a send that may go the rendered email whose claim the change is.
/// </summary>
internal sealed record NurtureSendDecision(LeadChange? Change, NurtureSendOutcome Outcome, Claim? Claim = null)
{
    public static readonly NurtureSendDecision Drop = new(null, NurtureSendOutcome.Dropped);

    /// <summary>Put aside for a paused campaign: the index holds it, the lead row is not written.</summary>
    public static readonly NurtureSendDecision Held = new(null, NurtureSendOutcome.Held);
}

/// <summary>A step claimed for sending: what to send, and what to restore if SendGrid refuses it.</summary>
internal sealed record Claim(
    Lead Lead,
    Campaign Campaign,
    CampaignStep Step,
    StepRecord Record,
    RenderedEmail Email,
    DateTimeOffset? PreviousNurtureAt,
    Func<TimeZoneInfo> ZoneOf
);

/// <summary>
/// How often one person may get a nurture email (<c>Nurture:MinGapBetweenEmails</c>, across all campaigns), whether a
/// send left uncertain is tried once more when SendGrid has said nothing of it after a while
/// (<c>Nurture:ResendUnconfirmedAfter</c>, off when null), and how long a send that cannot go yet waits before it is
/// looked at again.
/// </summary>
public sealed record NurtureRules(TimeSpan MinGapBetweenEmails, TimeSpan? ResendUnconfirmedAfter = null)
{
    public static readonly NurtureRules Default = new(TimeSpan.FromHours(24));

    /// <summary>
    /// A send that gave way to a higher-priority campaign's due send looks again this soon: by then that email has
    /// gone (and the gap defers this one properly) or was itself moved, and this one may go.
    /// </summary>
    public static readonly TimeSpan PriorityRecheck = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A higher-priority campaign's send overdue by longer than this is not waited for: a due send goes out within
    /// minutes or is moved (rescheduled, failed, uncertain), so one this late is one nobody is sending, and it must
    /// not hold the person's other campaigns back.
    /// </summary>
    public static readonly TimeSpan RivalOverdueLimit = TimeSpan.FromHours(1);

    /// <summary>A send SendGrid did not take (429, 5xx), even after the sender's own retries, is tried again this much
    /// later.</summary>
    public static readonly TimeSpan UnavailableRecheck = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A person whose double opt-in is pending is looked at again this often until the confirmation link expires
    /// (<c>Consent:ConfirmationTtl</c>, counted from enrollment); then the enrollment stops.
    /// </summary>
    public static readonly TimeSpan PendingConsentRecheck = TimeSpan.FromHours(6);
}
