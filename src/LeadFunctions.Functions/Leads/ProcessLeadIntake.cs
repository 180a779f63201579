using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Leads;

/// <summary>lead-intake: merge, enrich, score and stage the submission's lead. Safe to run twice for one
/// message.</summary>
[QueueFunction(QueueNames.LeadIntake)]
public sealed class ProcessLeadIntake(LeadIntakeProcessor processor, ILogger<ProcessLeadIntake> logger)
{
    public async Task RunAsync(LeadSubmission message, CancellationToken cancellationToken)
    {
        var outcome = await processor.ProcessAsync(message, cancellationToken);
        Log.Processed(logger, message.SubmissionId, outcome);
    }
}
