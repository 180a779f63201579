using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Telemetry;

namespace LeadFunctions.Adapters.Intake;

public sealed class SubmissionQueue(QueueMessageSender sender) : ISubmissionQueue
{
    public async Task EnqueueAsync(LeadSubmission submission, CancellationToken cancellationToken)
    {
        await sender.SendAsync(QueueNames.LeadIntake, submission, cancellationToken);
        LeadTelemetry.LeadsReceived.Add(1);
    }
}

/// <summary>lead-import. A batch too big for one queue message goes in parts, each with the batch's sequence.</summary>
public sealed class ImportBatchQueue(QueueMessageSender sender) : IImportBatchQueue
{
    public async Task EnqueueAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        var parts = QueueMessageSize.Pack(batch.Submissions, part => batch with { Submissions = part });
        await Task.WhenAll(parts.Select(part => sender.SendAsync(QueueNames.LeadImport, part, cancellationToken)));
        LeadTelemetry.LeadsReceived.Add(batch.Submissions.Count);
    }
}
