using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Consent;

/// <summary>Whether merchants (İYS TACIR) may get commercial email until they refuse, as İYS allows
/// (<c>Consent:Policy</c>).</summary>
public enum ConsentPolicy
{
    /// <summary>Everyone must have opted in (the default).</summary>
    OptIn,

    /// <summary>Individuals must have opted in; merchants may be mailed until they refuse.</summary>
    MerchantsUntilRefused,
}

/// <summary>
/// The one rule for "may this person get a commercial email now?": consent granted (confirmed where double
/// opt-in applied), not withdrawn, the address not suppressed, the person not erased.
/// </summary>
public static class SendPolicy
{
    public static SendDecision Decide(Lead? lead, bool suppressed, ConsentPolicy policy)
    {
        if (lead is null)
        {
            return SendDecision.No("no such lead (never one, or erased)");
        }

        if (suppressed)
        {
            return SendDecision.No("the address is suppressed");
        }

        return lead.Consent.Email switch
        {
            ConsentStatus.Granted => SendDecision.Yes,
            ConsentStatus.Pending => SendDecision.No("consent waits for confirmation (double opt-in)"),
            ConsentStatus.Withdrawn => SendDecision.No("consent was withdrawn or refused"),
            _ when lead.RecipientType == RecipientType.Merchant && policy == ConsentPolicy.MerchantsUntilRefused =>
                SendDecision.Yes,
            _ => SendDecision.No("no consent to commercial email"),
        };
    }
}

public sealed record SendDecision(bool Allowed, string? Reason)
{
    public static readonly SendDecision Yes = new(true, null);

    public static SendDecision No(string reason) => new(false, reason);
}
