using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Webinars;

/// <summary>teams-notifications: the Graph reads a Teams notification asks for (the registration, every registration,
/// the attendance) and what follows from them, or the answer to a lifecycle notification.</summary>
[QueueFunction(QueueNames.TeamsNotifications)]
public sealed partial class ProcessTeamsNotification(TeamsWebinars teams, ILogger<ProcessTeamsNotification> logger)
{
    public async Task RunAsync(TeamsNotification message, CancellationToken cancellationToken)
    {
        var outcome = await teams.HandleAsync(message, cancellationToken);
        Handled(logger, message.Kind, message.WebinarId ?? message.SubscriptionId, outcome);
    }

    [LoggerMessage(
        EventId = 2801,
        Level = LogLevel.Information,
        Message = "Teams {Kind} notification for {Subject}: {Outcome}"
    )]
    private static partial void Handled(ILogger logger, string kind, string? subject, TeamsOutcome outcome);
}
