using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Sales;

/// <summary>The contact, account and opportunity records a conversion creates, each linking back to the lead.</summary>
public interface ICrmStore
{
    /// <summary>
    /// Idempotent: the records' ids come from the lead, so writing them twice changes nothing. The
    /// opportunity is created once, open; its status afterwards is only <see cref="SaveOpportunityStatusAsync"/>'s.
    /// </summary>
    Task SaveConversionAsync(Lead lead, Conversion conversion, CancellationToken cancellationToken);

    /// <summary>
    /// The opportunity of a converted lead follows its stage: "lost" with the reason when sales disqualify
    /// it, "open" again when they qualify it again. Written after the lead; a status from a later
    /// decision (by the lead's UpdatedAt) is never overwritten by an earlier one that arrives late.
    /// </summary>
    Task SaveOpportunityStatusAsync(Lead lead, CancellationToken cancellationToken);
}
