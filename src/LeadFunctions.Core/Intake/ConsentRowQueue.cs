using LeadFunctions.Core.Consent;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// A consent file's good rows on consent-import in batches for the ledger; <paramref name="fromIys"/> marks decisions
/// downloaded from İYS, never exported back.
/// </summary>
public sealed class ConsentRowQueue(IConsentImportQueue queue, bool fromIys) : ICsvRowQueue<ConsentImportRow>
{
    public int MaxRowsPerMessage => ConsentImportBatch.MaxRows;

    public Task EnqueueAsync(
        string importId,
        int sequence,
        IReadOnlyList<ConsentImportRow> rows,
        CancellationToken cancellationToken
    ) =>
        queue.EnqueueAsync(
            new ConsentImportBatch(importId, rows) { Sequence = sequence, FromIys = fromIys },
            cancellationToken
        );
}
