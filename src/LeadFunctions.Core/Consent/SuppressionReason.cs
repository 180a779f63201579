namespace LeadFunctions.Core.Consent;

/// <summary>Why an address is never emailed (until an admin lifts it).</summary>
public enum SuppressionReason
{
    Unsubscribed,
    HardBounce,
    SpamReport,
    Dropped,
    Erased,
}
