using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Telemetry;

namespace LeadFunctions.Adapters.Queues;

public sealed class SubmissionQueue(QueueMessageSender sender) : ISubmissionQueue
{
    public async Task EnqueueAsync(LeadSubmission submission, CancellationToken cancellationToken)
    {
        await sender.SendAsync(QueueNames.LeadIntake, submission, cancellationToken);
        LeadTelemetry.LeadsReceived.Add(1);
    }
}

public sealed class ImportBatchQueue(QueueMessageSender sender) : IImportBatchQueue
{
    public async Task EnqueueAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        await sender.SendAsync(QueueNames.LeadImport, batch, cancellationToken);
        LeadTelemetry.LeadsReceived.Add(batch.Submissions.Count);
    }
}
