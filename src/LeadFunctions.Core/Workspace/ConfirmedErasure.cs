using LeadFunctions.Core.DataSubjects;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// Erasure from the lead page: it cannot be undone, so the person erasing types the lead's email address first, and
/// a different address erases nothing. The erasure itself is <see cref="LeadEraser"/>'s, as DELETE /api/leads/{id}'s.
/// </summary>
public sealed class ConfirmedErasure(ILeadStore store, LeadEraser eraser)
{
    public async Task<ErasureAnswer> EraseAsync(string leadId, string? typedEmail, CancellationToken cancellationToken)
    {
        if (!LeadId.IsWellFormed(leadId) || await store.FindAsync(leadId, cancellationToken) is not { Lead: var lead })
        {
            return ErasureAnswer.NoLead;
        }

        if (!EmailAddress.TryNormalize(typedEmail, out var typed) || typed != lead.Email)
        {
            return ErasureAnswer.WrongAddress;
        }

        return await eraser.EraseAsync(leadId, cancellationToken) is null ? ErasureAnswer.NoLead : ErasureAnswer.Erased;
    }
}

public enum ErasureAnswer
{
    NoLead,
    WrongAddress,
    Erased,
}
