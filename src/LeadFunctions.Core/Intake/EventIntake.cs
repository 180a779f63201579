using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Randomness;
using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// Engagement from the website or other systems (POST /api/events), validated and queued for the person's lead id.
/// A retried post with the same idempotency key is the same event. An email that is not a lead yet is fine: the event
/// waits there and counts when they become one.
/// </summary>
public sealed class EventIntake(IEventQueue events, TimeProvider time, IIdGenerator ids)
{
    private const string IdempotencyScope = "events";

    /// <summary>The event queued, or the field errors that stopped it (nothing queued).</summary>
    public async Task<ValidationResult<EngagementEvent>> SubmitAsync(
        EventForm form,
        string? idempotencyKey,
        CancellationToken cancellationToken
    )
    {
        if (!IdempotencyKey.TryGetSubmissionId(idempotencyKey, IdempotencyScope, ids, out var eventId))
        {
            return ValidationResult.Failure<EngagementEvent>(IdempotencyKey.Malformed);
        }

        var validation = EventFormValidator.Validate(form, eventId, time.GetUtcNow());
        if (validation.Value is { } engagement)
        {
            await events.EnqueueAsync(engagement, cancellationToken);
        }

        return validation;
    }
}
