using LeadFunctions.Core.Intake;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Leads;

/// <summary>lead-intake: merge, enrich, score and stage the submission's lead. Safe to run twice for one message.</summary>
public sealed class ProcessLeadIntakeQueueFunction(LeadIntakeProcessor processor, ILogger<ProcessLeadIntakeQueueFunction> logger)
{
    public async Task RunAsync(LeadSubmission message, CancellationToken cancellationToken)
    {
        var outcome = await processor.ProcessAsync(message, cancellationToken);
        Log.Processed(logger, message.SubmissionId, outcome);
    }
}
