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
