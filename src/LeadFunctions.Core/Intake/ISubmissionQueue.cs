namespace LeadFunctions.Core.Intake;

/// <summary>The durable hand-over between answering a request and processing it (the lead-intake queue).</summary>
public interface ISubmissionQueue
{
    Task EnqueueAsync(LeadSubmission submission, CancellationToken cancellationToken);
}
