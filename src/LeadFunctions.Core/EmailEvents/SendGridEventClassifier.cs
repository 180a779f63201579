using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.EmailEvents;

/// <summary>What a SendGrid event means for us.</summary>
public static class SendGridEventClassifier
{
    /// <summary>
    /// SendGrid's drop reasons that are about the address (it bounced, unsubscribed or reported spam before, or is no
    /// address); the others it documents ("Recipient List over Package Quota", "Spam Content (if spam checker app
    /// enabled)", "Invalid SMTPAPI header") are ours. "Invalid" alone is the address; an unknown reason is not taken as
    /// the person's.
    /// </summary>
    private static readonly HashSet<string> PersonsDropReasons = new(
        ["Bounced Address", "Unsubscribed Address", "Spam Reporting Address", "Invalid"],
        StringComparer.OrdinalIgnoreCase
    );

    public static SendGridEventEffect Classify(SendGridEvent sendGridEvent) =>
        sendGridEvent switch
        {
            // A test send is the marketer's own: its opens, clicks and deliveries are nobody's engagement and no
            // campaign's results. What it says about the address (a bounce, a spam report) still holds.
            { Kind: MailCustomArgs.TestKind, Type: "open" or "click" or "processed" or "delivered" or "deferred" } =>
                SendGridEventEffect.Ignore,
            _ => ClassifyByType(sendGridEvent),
        };

    private static SendGridEventEffect ClassifyByType(SendGridEvent sendGridEvent) =>
        sendGridEvent.Type switch
        {
            // A privacy proxy opens every email it carries (Apple MPP): that says nothing about the person.
            "open" when sendGridEvent.MachineOpen => SendGridEventEffect.Ignore,
            "open" => SendGridEventEffect.Engage(EventTypes.EmailOpen),
            "click" when sendGridEvent.IgnoredClick => SendGridEventEffect.Ignore,
            "click" => SendGridEventEffect.Engage(EventTypes.EmailClick),

            // "blocked" is a soft bounce (the receiving server refused for now: reputation, content, a full box).
            "bounce" when sendGridEvent.BounceType == "blocked" => SendGridEventEffect.RecordDelivery,
            "bounce" => SendGridEventEffect.Suppress(SuppressionReason.HardBounce),
            "dropped" when IsThePersons(sendGridEvent.Reason) => SendGridEventEffect.Suppress(
                SuppressionReason.Dropped
            ),

            // Dropped for our account or our email (over quota, spam content, a bad SMTPAPI header): kept with the
            // send, nothing said about the person.
            "dropped" => SendGridEventEffect.RecordDelivery,
            "spamreport" => SendGridEventEffect.Suppress(SuppressionReason.SpamReport),
            "unsubscribe" or "group_unsubscribe" => SendGridEventEffect.Suppress(SuppressionReason.Unsubscribed),
            "processed" or "delivered" or "deferred" => SendGridEventEffect.RecordDelivery,
            _ => SendGridEventEffect.Unhandled,
        };

    private static bool IsThePersons(string? dropReason) =>
        dropReason is not null && PersonsDropReasons.Contains(dropReason.Trim());
}

public enum SendGridEventAction
{
    /// <summary>An engagement event for the lead (email_open, email_click).</summary>
    Engage,

    /// <summary>Never email the address again, and withdraw its consent.</summary>
    Suppress,

    /// <summary>Kept with its send, for the campaigns' stats.</summary>
    RecordDelivery,

    /// <summary>Counts for nothing (a machine open, a click that is no engagement:
    /// <see cref="LinkScanners"/>).</summary>
    Ignore,

    /// <summary>A type we do not handle: kept aside.</summary>
    Unhandled,
}

public sealed record SendGridEventEffect(
    SendGridEventAction Action,
    string? EngagementType = null,
    SuppressionReason? Reason = null
)
{
    public static readonly SendGridEventEffect RecordDelivery = new(SendGridEventAction.RecordDelivery);
    public static readonly SendGridEventEffect Ignore = new(SendGridEventAction.Ignore);
    public static readonly SendGridEventEffect Unhandled = new(SendGridEventAction.Unhandled);

    public static SendGridEventEffect Engage(string engagementType) => new(SendGridEventAction.Engage, engagementType);

    public static SendGridEventEffect Suppress(SuppressionReason reason) =>
        new(SendGridEventAction.Suppress, Reason: reason);
}
