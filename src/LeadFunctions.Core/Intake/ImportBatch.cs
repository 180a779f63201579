namespace LeadFunctions.Core.Intake;

/// <summary>
/// Rows of one CSV import travelling together on the lead-import queue: a list of 100,000 rows is
/// a thousand messages instead of 100,000, and each row is still its own idempotent submission.
/// </summary>
public sealed record ImportBatch(string ImportId, int Sequence, IReadOnlyList<LeadSubmission> Submissions)
{
    /// <summary>Rows per batch at most; the queue sends a batch too big for one message in parts.</summary>
    public const int MaxRows = 100;
}

public interface IImportBatchQueue
{
    Task EnqueueAsync(ImportBatch batch, CancellationToken cancellationToken);
}
