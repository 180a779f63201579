using System.Text.Json;

namespace LeadFunctions.Core.Email;

/// <summary>
/// Part of one Event Webhook post as it travels on the sendgrid-events queue: the events as SendGrid sent
/// them, read one by one behind the queue, so that one unreadable event never holds up the others.
/// </summary>
public sealed record SendGridEventBatch(IReadOnlyList<JsonElement> Events);
