using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Consent;

/// <summary>
/// Appends a decision to a person's consent ledger and keeps the lead's consent state derived from it, in one
/// write. For an email that is no lead yet the row is kept in the partition that lead will have, and counts
/// when the person becomes one. Idempotent by <see cref="ConsentRecord.Id"/>.
/// </summary>
public interface IConsentRecorder
{
    Task<ConsentRecordOutcome> RecordAsync(
        string normalizedEmail,
        ConsentRecord record,
        CancellationToken cancellationToken
    );
}

public enum ConsentRecordOutcome
{
    /// <summary>Recorded, and the person's state changed (or the person is no lead yet).</summary>
    Recorded,

    /// <summary>Recorded as evidence; the state was already what it says (a second unsubscribe).</summary>
    NoChange,

    /// <summary>This very record was recorded before (a redelivery).</summary>
    Duplicate,
}
