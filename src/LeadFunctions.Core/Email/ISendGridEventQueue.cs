using System.Text.Json;

namespace LeadFunctions.Core.Email;

/// <summary>The sendgrid-events queue: a verified Event Webhook post's events, waiting to be acted on.</summary>
public interface ISendGridEventQueue
{
    /// <summary>Queues the events in as many messages as they need; returns how many.</summary>
    Task<int> EnqueueAsync(IReadOnlyList<JsonElement> events, CancellationToken cancellationToken);
}
