using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Webinars;

namespace LeadFunctions.Adapters.Webinars;

/// <summary>teams-notifications: a message per notification (a post from Graph carries at most a few).</summary>
public sealed class TeamsNotificationQueue(QueueMessageSender sender) : ITeamsNotificationQueue
{
    public Task EnqueueAsync(IReadOnlyList<TeamsNotification> notifications, CancellationToken cancellationToken) =>
        Task.WhenAll(notifications.Select(n => sender.SendAsync(QueueNames.TeamsNotifications, n, cancellationToken)));
}
