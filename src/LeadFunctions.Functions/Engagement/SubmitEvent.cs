using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Randomness;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Intake;
using Microsoft.AspNetCore.Http;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Engagement;

/// <summary>
/// POST /api/events: engagement from the website or other systems, queued for the person's lead id.
/// An email that is not a lead yet is fine: the event waits there and counts when they become one.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function, "post", Route = "events",
    Summary = "Record an engagement event for a lead (by email or leadId).",
    BodyExample = """
        { "email": "ayse.yilmaz@example.com", "type": "webinar_attended", "occurredAt": "2026-11-02T10:00:00Z", "url": "https://example.com/webinar" }
        """)]
public sealed class SubmitEvent(IEventQueue events, TimeProvider time, IIdGenerator ids)
{
    public const int MaxBodyBytes = 16 * 1024;

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (fields, problem) = await FormFields.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (fields is null)
        {
            return problem!;
        }

        var key = request.Headers[IdempotencyKey.HeaderName].FirstOrDefault();
        if (!IdempotencyKey.TryGetSubmissionId(key, "events", ids, out var eventId))
        {
            return Problems.Invalid(IdempotencyKey.Malformed);
        }

        var form = new EventForm(fields.GetValueOrDefault("email"), fields.GetValueOrDefault("leadId"), fields.GetValueOrDefault("type"),
            fields.GetValueOrDefault("occurredAt"), fields.GetValueOrDefault("url"), fields.GetValueOrDefault("source"));
        var validation = EventFormValidator.Validate(form, eventId, time.GetUtcNow());
        if (validation.Value is not { } engagement)
        {
            return Problems.Invalid(validation.Errors);
        }

        await events.EnqueueAsync(engagement, cancellationToken);
        return TypedResults.Accepted((string?)null, new EventAccepted(engagement.EventId, engagement.LeadId));
    }
}

public sealed record EventAccepted(string EventId, string LeadId);
