namespace LeadFunctions.Core.Intake;

/// <summary>A lead list's good rows on lead-import, in batches of <see cref="ImportBatch.MaxRows"/>.</summary>
public sealed class LeadRowQueue(IImportBatchQueue queue) : ICsvRowQueue<LeadSubmission>
{
    public int MaxRowsPerMessage => ImportBatch.MaxRows;

    public Task EnqueueAsync(
        string importId,
        int sequence,
        IReadOnlyList<LeadSubmission> rows,
        CancellationToken cancellationToken
    ) => queue.EnqueueAsync(new ImportBatch(importId, sequence, rows), cancellationToken);
}
