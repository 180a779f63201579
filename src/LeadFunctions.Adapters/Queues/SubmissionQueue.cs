using LeadFunctions.Core.Intake;

namespace LeadFunctions.Adapters.Queues;

public sealed class SubmissionQueue(QueueMessageSender sender) : ISubmissionQueue
{
    public Task EnqueueAsync(LeadSubmission submission, CancellationToken cancellationToken) =>
        sender.SendAsync(QueueNames.LeadIntake, submission, cancellationToken);
}
