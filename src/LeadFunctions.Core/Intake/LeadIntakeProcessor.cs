using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// Applies one submission to the person's lead. Idempotent: the submission's timeline entry is
/// written in the same transaction as the lead, so a redelivered message is recognised and skipped.
/// Concurrent writers for the same person are resolved by optimistic concurrency and a re-read.
/// </summary>
public sealed class LeadIntakeProcessor(ILeadStore store, TimeProvider time)
{
    internal const int MaxAttempts = 8;

    public async Task<IntakeOutcome> ProcessAsync(LeadSubmission submission, CancellationToken cancellationToken)
    {
        var leadId = LeadId.FromEmail(submission.Email);
        var entry = new TimelineEntry(submission.SubmissionId, submission.ReceivedAt, TimelineKind.Submission, $"Submitted via {submission.Source}");
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await store.FindAsync(leadId, cancellationToken);
            var merged = LeadMerger.Merge(current?.Lead, submission, time.GetUtcNow());
            var result = await store.SaveAsync(merged, current?.ETag, [entry], cancellationToken);
            switch (result)
            {
                case SaveResult.Saved:
                    return current is null ? IntakeOutcome.Created : IntakeOutcome.Merged;
                case SaveResult.AlreadyApplied:
                    return IntakeOutcome.Duplicate;
            }
        }

        throw new ConcurrencyException($"Lead {leadId} kept changing under {MaxAttempts} attempts to merge a submission.");
    }
}

public enum IntakeOutcome
{
    Created,
    Merged,
    Duplicate,
}

public sealed class ConcurrencyException(string message) : Exception(message);
