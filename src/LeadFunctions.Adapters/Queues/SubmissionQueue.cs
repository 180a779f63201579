using LeadFunctions.Core.Intake;

namespace LeadFunctions.Adapters.Queues;

public sealed class SubmissionQueue(QueueMessageSender sender) : ISubmissionQueue
{
    public Task EnqueueAsync(LeadSubmission submission, CancellationToken cancellationToken) =>
        sender.SendAsync(QueueNames.LeadIntake, submission, cancellationToken);
}

public sealed class ImportBatchQueue(QueueMessageSender sender) : IImportBatchQueue
{
    public Task EnqueueAsync(ImportBatch batch, CancellationToken cancellationToken) =>
        sender.SendAsync(QueueNames.LeadImport, batch, cancellationToken);
}
