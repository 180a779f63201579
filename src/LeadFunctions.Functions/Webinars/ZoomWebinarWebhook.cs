using System.Text;
using LeadFunctions.Core.Security;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Webinars;

/// <summary>
/// POST /api/webhooks/webinars/zoom: Zoom's webinar events, signed with the app's secret token
/// (x-zm-signature over "v0:{timestamp}:{body}"; stale timestamps refused). Verified before parsing;
/// answered at once (Zoom retries after 3 s), with the work left to the queues.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "webhooks/webinars/zoom",
    Summary = "Zoom webinar events, verified by x-zm-signature; answers the URL validation challenge.",
    BodyExample = """
        { "event": "webinar.participant_joined", "event_ts": 1790000000000,
          "payload": { "object": { "id": "81234567890", "topic": "Product tour",
            "participant": { "email": "ayse.yilmaz@example.com", "user_name": "Ayşe Yılmaz" } } } }
        """,
    Problems = new[] { StatusCodes.Status401Unauthorized }
)]
public sealed class ZoomWebinarWebhook(WebinarIntake intake, IOptionsMonitor<WebhookOptions> options, TimeProvider time)
{
    public const int MaxBodyBytes = 256 * 1024;

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var secret = options.CurrentValue.Zoom.SecretToken;
        var (document, problem) = await SignedJsonBody.ReadAsync(
            request,
            MaxBodyBytes,
            body =>
                WebhookSignatures.IsValidZoom(
                    secret,
                    request.Headers["x-zm-request-timestamp"].FirstOrDefault(),
                    body,
                    request.Headers["x-zm-signature"].FirstOrDefault(),
                    time.GetUtcNow()
                ),
            "A valid, current x-zm-signature is required.",
            cancellationToken
        );
        if (document is null)
        {
            return problem!;
        }

        using var json = document;
        var root = json.RootElement;
        var payload = root.Child("payload");
        var eventName = root.Text("event");
        if (eventName == "endpoint.url_validation")
        {
            // Zoom checks that we hold the secret: the token comes back HMACed with it.
            var plainToken = payload.Text("plainToken") ?? string.Empty;
            return TypedResults.Ok(
                new UrlValidation(plainToken, Hmac.Sha256Hex(secret!, Encoding.UTF8.GetBytes(plainToken)))
            );
        }

        var webinar = payload.Child("object");
        var occurredAt = Timestamp.Parse(root.Text("event_ts")) ?? time.GetUtcNow();
        var participant = webinar.Child("participant");
        if (eventName == "webinar.participant_joined" && string.IsNullOrWhiteSpace(participant.Text("email")))
        {
            // A guest who joined without registering has no email: nothing to record, and a 400 would only make Zoom
            // resend it.
            return TypedResults.Ok(new { status = "ignored" });
        }

        var errors = eventName switch
        {
            "webinar.registration_created" => await intake.RegisterAsync(
                WebinarPayloads.ZoomWebinar(webinar),
                WebinarPayloads.ZoomRegistrant(webinar.Child("registrant")),
                occurredAt,
                webinar.Child("registrant").Text("join_url"),
                cancellationToken
            ),
            // Zoom says no minutes at join; participant_left (below) is not used for them (docs/webinars/zoom.md).
            "webinar.participant_joined" => await intake.AttendAsync(
                WebinarPayloads.ZoomWebinar(webinar),
                participant.Text("email"),
                Timestamp.Parse(participant.Text("join_time")) ?? occurredAt,
                null,
                cancellationToken
            ),
            "webinar.ended" => await intake.EndAsync(
                WebinarPayloads.ZoomWebinar(webinar),
                WebinarPayloads.Date(webinar.Text("end_time")) ?? occurredAt,
                cancellationToken
            ),
            // Other events (participant_left among them) are acknowledged and ignored, so Zoom does not retry them.
            _ => null,
        };
        return errors is null ? TypedResults.Ok(new { status = "accepted" }) : Problems.Invalid(errors);
    }

    public sealed record UrlValidation(string PlainToken, string EncryptedToken);
}
