using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Consent;

/// <summary>
/// A lead from before the consent ledger: the ledger row its consent stands for
/// (<see cref="LeadSnapshot.LegacyConsent"/>) is written with the lead's next write, first of the rows it records.
/// </summary>
public sealed class LegacyConsentSubscriber : ILeadChangeSubscriber
{
    public string Name => LeadChangeSubscribers.LegacyConsent;

    public ValueTask<LeadChange> CompleteAsync(
        LeadSnapshot snapshot,
        LeadChange change,
        CancellationToken cancellationToken
    ) =>
        ValueTask.FromResult(
            snapshot.LegacyConsent is { } legacy
                ? change with
                {
                    ConsentRecords = [legacy, .. change.ConsentRecords ?? []],
                }
                : change
        );
}
