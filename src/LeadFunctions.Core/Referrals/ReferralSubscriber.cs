using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Referrals;

/// <summary>
/// Keeps the referral index current: a referred lead's row is written when the referral arrives and whenever the
/// lead's stage moves. The referrer is named by email, so a referrer who is no lead yet is linked once they are one.
/// A crash between the lead's write and this leaves the index a change behind until the lead's next write.
/// </summary>
public sealed class ReferralSubscriber(IReferralIndex referrals) : ILeadChangeSubscriber
{
    public string Name => LeadChangeSubscribers.Referrals;

    public Task AfterSaveAsync(
        LeadUpdater updater,
        LeadSnapshot before,
        LeadChange change,
        CancellationToken cancellationToken
    ) =>
        change.Lead is { ReferredBy: { } referrer } after
        && (before.Lead?.ReferredBy != referrer || before.Lead.Stage != after.Stage)
            ? referrals.RecordAsync(new Referral(referrer, after.Id, after.Stage, after.CreatedAt), cancellationToken)
            : Task.CompletedTask;
}
