using LeadFunctions.Core.Engagement;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Engagement;

/// <summary>lead-events: keep the event under the person's lead id and rescore the lead if there is one.</summary>
public sealed partial class RecordEngagementQueueFunction(EngagementProcessor processor, ILogger<RecordEngagementQueueFunction> logger)
{
    public async Task RunAsync(EngagementEvent message, CancellationToken cancellationToken)
    {
        var outcome = await processor.ProcessAsync(message, cancellationToken);
        Recorded(logger, message.Type, message.LeadId, outcome);
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Engagement {Type} for lead {LeadId}: {Outcome}")]
    private static partial void Recorded(ILogger logger, string type, string leadId, Core.Processing.UpdateOutcome outcome);
}
