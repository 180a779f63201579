using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Referrals;

/// <summary>
/// Keeps the referral index current: a referred lead's row is written when the referral arrives and whenever the
/// lead's stage moves. The referrer is named by email, so a referrer who is no lead yet is linked once they are one.
/// </summary>
public sealed class ReferralObserver(IReferralIndex referrals) : ILeadChangeObserver
{
    public Task OnSavedAsync(Lead? before, Lead after, CancellationToken cancellationToken) =>
        after.ReferredBy is { } referrer && (before?.ReferredBy != referrer || before.Stage != after.Stage)
            ? referrals.RecordAsync(new Referral(referrer, after.Id, after.Stage, after.CreatedAt), cancellationToken)
            : Task.CompletedTask;
}
