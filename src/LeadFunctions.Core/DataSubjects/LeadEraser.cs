using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.DataSubjects;

/// <summary>
/// Erases a person (KVKK art. 7, GDPR art. 17): the address is suppressed first (only its hash is kept, so a later
/// import of it can never be mailed), then their rows in the other tables and their queued messages go, the leads they
/// referred lose the link, and last their lead's whole partition. Counters (funnel, campaign stats) are anonymous and
/// stay.
/// </summary>
public sealed class LeadEraser(
    ILeadStore store,
    LeadUpdater updater,
    ISuppressionList suppressions,
    IPersonalDataEraser eraser,
    TimeProvider time
)
{
    public async Task<Erasure?> EraseAsync(string leadId, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(leadId, cancellationToken) is not { Lead: var lead })
        {
            return null;
        }

        await suppressions.SuppressAsync(
            lead.Email,
            SuppressionReason.Erased,
            time.GetUtcNow(),
            "erased on request",
            cancellationToken
        );
        var rows = await eraser.EraseRowsAsync(lead, cancellationToken);
        foreach (var referred in rows.ReferredLeadIds)
        {
            await updater.UpdateAsync(
                referred,
                s =>
                    Task.FromResult(
                        s.Lead is { } other && other.ReferredBy == lead.Email
                            ? LeadChange.Updated(other with { ReferredBy = null }, s.ETag)
                            : null
                    ),
                cancellationToken
            );
        }

        var messages = await eraser.EraseMessagesAsync([lead.Email, lead.Id], cancellationToken);
        var partition = await store.EraseAsync(leadId, cancellationToken);
        return new Erasure(leadId, partition + rows.Rows, messages, rows.ReferredLeadIds.Count);
    }
}

/// <summary>What an erasure removed: rows in every table, queued or poisoned messages, referral links in other
/// leads.</summary>
public sealed record Erasure(string LeadId, int Rows, int Messages, int ReferralLinks);
