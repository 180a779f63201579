using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Engagement;

/// <summary>lead-events: keep the event under the person's lead id and rescore the lead if there is one.</summary>
[QueueFunction(QueueNames.LeadEvents)]
public sealed partial class RecordEngagement(EngagementProcessor processor, ILogger<RecordEngagement> logger)
{
    public async Task RunAsync(EngagementEvent message, CancellationToken cancellationToken)
    {
        var outcome = await processor.ProcessAsync(message, cancellationToken);
        Recorded(logger, message.Type, message.LeadId, outcome);
    }

    [LoggerMessage(
        EventId = 1100,
        Level = LogLevel.Information,
        Message = "Engagement {Type} for lead {LeadId}: {Outcome}"
    )]
    private static partial void Recorded(
        ILogger logger,
        string type,
        string leadId,
        Core.Processing.UpdateOutcome outcome
    );
}
