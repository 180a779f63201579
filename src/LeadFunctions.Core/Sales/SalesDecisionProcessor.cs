using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Sales;

/// <summary>
/// Applies a sales decision to a lead through the one read-decide-write loop, and keeps the CRM's records
/// in step with it: a conversion's records are written before the lead that links to them, an
/// opportunity's status after the lead it follows.
/// </summary>
public sealed class SalesDecisionProcessor(LeadUpdater updater, ICrmStore crm, TimeProvider time)
{
    /// <summary>The decision made on the lead's latest state; null when there is no such lead.</summary>
    public async Task<Decision?> ApplyAsync(
        string leadId,
        Func<Lead, DateTimeOffset, Decision> decide,
        CancellationToken cancellationToken
    )
    {
        if (!LeadId.IsWellFormed(leadId))
        {
            return null;
        }

        Decision? decision = null;
        Lead? read = null;
        var outcome = await updater.UpdateAsync(
            leadId,
            async snapshot =>
            {
                read = snapshot.Lead;
                if (snapshot.Lead is null)
                {
                    decision = null;
                    return null;
                }

                decision = decide(snapshot.Lead, time.GetUtcNow());
                if (decision is not { Lead: { } lead, Entry: { } entry })
                {
                    return null;
                }

                // The records first: the lead links to them once it is written.
                if (lead.Conversion is { } conversion && snapshot.Lead.Conversion is null)
                {
                    await crm.SaveConversionAsync(lead, conversion, cancellationToken);
                }

                return LeadChange.Updated(lead, snapshot.ETag, entry);
            },
            cancellationToken
        );

        // A converted lead's opportunity follows the lead as it now stands, written after the lead: after a
        // refused decision too, so that retrying a decision whose status write failed (or whose host died
        // after the lead's write) repairs the opportunity. The store writes only a status older than the lead.
        // A write found already applied (the SDK resent it) stands as this decision's.
        var standing = outcome is UpdateOutcome.Updated or UpdateOutcome.Duplicate ? decision?.Lead : read;
        if (standing is { Conversion: not null })
        {
            await crm.SaveOpportunityStatusAsync(standing, cancellationToken);
        }

        return decision;
    }
}
