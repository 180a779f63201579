using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Intake;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Engagement;

/// <summary>
/// POST /api/events: engagement from the website or other systems, queued for the person's lead id
/// (<see cref="EventIntake"/>).
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "post",
    Route = "events",
    Summary = "Record an engagement event for a lead (by email or leadId).",
    BodyExample = """
        { "email": "ayse.yilmaz@example.com", "type": "webinar_attended", "occurredAt": "2026-11-02T10:00:00Z",
          "url": "https://example.com/webinar" }
        """
)]
public sealed class SubmitEvent(EventIntake intake)
{
    public const int MaxBodyBytes = 16 * 1024;

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (fields, problem) = await FormFields.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (fields is null)
        {
            return problem!;
        }

        var form = new EventForm(
            fields.GetValueOrDefault("email"),
            fields.GetValueOrDefault("leadId"),
            fields.GetValueOrDefault("type"),
            fields.GetValueOrDefault("occurredAt"),
            fields.GetValueOrDefault("url"),
            fields.GetValueOrDefault("source")
        );
        var submitted = await intake.SubmitAsync(
            form,
            request.Headers[IdempotencyKey.HeaderName].FirstOrDefault(),
            cancellationToken
        );
        return submitted.Value is { } engagement
            ? TypedResults.Accepted((string?)null, new EventAccepted(engagement.EventId, engagement.LeadId))
            : Problems.Invalid(submitted.Errors);
    }
}

public sealed record EventAccepted(string EventId, string LeadId);
