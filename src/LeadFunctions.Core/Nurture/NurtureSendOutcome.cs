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
