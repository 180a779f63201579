using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Nurture;

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
