using LeadFunctions.Core.Security;
using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Webinars;

/// <summary>
/// POST /api/webhooks/webinars/gotowebinar: GoTo Webinar's events, signed with the account's webhook secret key
/// (x-webhook-signature over "{x-webhook-signature-timestamp}:{body}"; stale timestamps refused). Verified before
/// parsing; a registrant becomes a lead, a join an attendance, a webinar's creation or change keeps its times (its end
/// is handed on by <see cref="EndScheduledWebinars"/>); other events are acknowledged and ignored.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = Route,
    Summary = "GoTo Webinar events, verified by x-webhook-signature.",
    BodyExample = """
        { "eventName": "registrant.added", "eventVersion": "1.0.0", "product": "g2w",
          "eventKey": "7fc43482-b239-45e2-a8f8-3ca2f1fbada8", "webinarKey": 4511665432126123456,
          "webinarTitle": "Product tour", "registrantKey": 24576065432313123456, "email": "ayse.yilmaz@example.com",
          "firstName": "Ayşe", "lastName": "Yılmaz", "status": "APPROVED",
          "registrationDate": "2026-11-20T10:00:00Z", "timestamp": "2026-11-20T10:00:00Z" }
        """,
    Problems = new[] { StatusCodes.Status401Unauthorized }
)]
public sealed class GoToWebinarWebhook(
    WebinarIntake intake,
    WebinarSchedule schedule,
    IOptionsMonitor<WebhookOptions> options,
    TimeProvider time
)
{
    public const string Route = "webhooks/webinars/gotowebinar";
    public const int MaxBodyBytes = 64 * 1024;

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, problem) = await SignedJsonBody.ReadAsync(
            request,
            MaxBodyBytes,
            body =>
                WebhookSignatures.IsValidGoTo(
                    options.CurrentValue.GoToWebinar.SecretKey,
                    request.Headers[WebhookSignatures.GoToTimestampHeaderName].FirstOrDefault(),
                    body,
                    request.Headers[WebhookSignatures.GoToSignatureHeaderName].FirstOrDefault(),
                    time.GetUtcNow()
                ),
            $"A valid, current {WebhookSignatures.GoToSignatureHeaderName} is required.",
            cancellationToken
        );
        if (document is null)
        {
            return problem!;
        }

        using var json = document;
        var root = json.RootElement;
        var eventName = GoToWebinarPayloads.EventName(root);
        if (eventName is GoToWebinarPayloads.WebinarCreated or GoToWebinarPayloads.WebinarChanged)
        {
            // The only events with the webinar's times; GoTo sends nothing when it ends (docs/webinars/gotowebinar.md).
            var invalid = await schedule.KeepAsync(
                GoToWebinarPayloads.Scheduled(root),
                GoToWebinarPayloads.Cancelled(root),
                cancellationToken
            );
            return invalid is null ? WebinarAnswers.Accepted : Problems.Invalid(invalid);
        }

        if (eventName is not (GoToWebinarPayloads.RegistrantAdded or GoToWebinarPayloads.RegistrantJoined))
        {
            // Whatever else GoTo adds is acknowledged, so GoTo does not retry it.
            return WebinarAnswers.Ignored;
        }

        if (GoToWebinarPayloads.Email(root) is not { } email)
        {
            // A registrant GoTo sends without an email cannot become a lead, and a 4xx would only be sent again.
            return WebinarAnswers.Ignored;
        }

        var webinar = await schedule.CompleteAsync(GoToWebinarPayloads.Webinar(root), cancellationToken);
        var occurredAt = GoToWebinarPayloads.OccurredAt(root) ?? time.GetUtcNow();
        var errors =
            eventName == GoToWebinarPayloads.RegistrantAdded
                ? await intake.RegisterAsync(
                    webinar,
                    GoToWebinarPayloads.Registrant(root),
                    occurredAt,
                    GoToWebinarPayloads.JoinUrl(root),
                    cancellationToken
                )
                // GoTo says no minutes at join.
                : await intake.AttendAsync(webinar, email, occurredAt, null, cancellationToken);
        return errors is null ? WebinarAnswers.Accepted : Problems.Invalid(errors);
    }
}
