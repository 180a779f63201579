using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Referrals;

/// <summary>One person referred by another, with the stage the referred person has reached and when they became a
/// lead.</summary>
public sealed record Referral(
    string ReferrerEmail,
    string ReferredLeadId,
    LifecycleStage Stage,
    DateTimeOffset LeadSince
)
{
    public string ReferrerLeadId => LeadId.FromEmail(ReferrerEmail);
}

/// <summary>The referral index: one row per referred person under their referrer, kept as the referred person's stage
/// moves.</summary>
public interface IReferralIndex
{
    Task RecordAsync(Referral referral, CancellationToken cancellationToken);

    /// <summary>Every referral (the index has a row per referred person, not per lead).</summary>
    IAsyncEnumerable<Referral> ListAsync(CancellationToken cancellationToken);
}
