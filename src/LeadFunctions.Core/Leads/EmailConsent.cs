namespace LeadFunctions.Core.Leads;

/// <summary>Consent to receive commercial email (İYS "EPOSTA", GDPR marketing consent).</summary>
public enum EmailConsent
{
    None,
    Pending,
    Granted,
    Withdrawn,
}
