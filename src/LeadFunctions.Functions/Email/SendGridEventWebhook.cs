using System.Text;
using System.Text.Unicode;
using LeadFunctions.Core.Email;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Email;

/// <summary>
/// POST /api/webhooks/sendgrid: SendGrid's Event Webhook. The ECDSA signature is checked over the raw
/// body before anything parses it; the events are queued on sendgrid-events and answered 200 at once
/// (SendGrid retries a slow or failed post for 24 hours), to be acted on behind the queue. A storage failure
/// part way answers 503 and SendGrid posts the batch again: what was queued already counts once, by sg_event_id.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "webhooks/sendgrid",
    Summary = "SendGrid Event Webhook (ECDSA-signed): deliveries, opens, clicks, bounces, spam reports.",
    BodyExample = """
        [{ "email": "ayse.yilmaz@example.com", "event": "open", "timestamp": 1790000000, "sg_event_id": "e-1",
          "sg_message_id": "m-1", "lf_lead": "…", "lf_kind": "nurture" }]
        """,
    Problems = new[] { StatusCodes.Status401Unauthorized }
)]
public sealed class SendGridEventWebhook(
    ISendGridEventSignature signature,
    ISendGridEventQueue queue,
    ILogger<SendGridEventWebhook> logger
)
{
    /// <summary>SendGrid posts up to about 1,000 events at a time; 10,000 events of ~800 bytes fit with room.</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    private const int MaxJsonDepth = 16;
    private const string SignatureHeader = ISendGridEventSignature.SignatureHeader;
    private const string TimestampHeader = ISendGridEventSignature.TimestampHeader;

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!signature.IsConfigured)
        {
            return Problems.Unauthorized("No SendGrid:EventWebhookPublicKey is configured: every post is refused.");
        }

        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problems.TooLarge(MaxBodyBytes);
        }

        // The validator takes the body as a string and hashes its UTF-8: only valid UTF-8 decodes and encodes back to
        // the bytes as sent.
        if (!Utf8.IsValid(body))
        {
            return Problems.BadRequest("The body is not valid UTF-8.");
        }

        var payload = Encoding.UTF8.GetString(body);
        if (!signature.IsValid(payload, request.Headers[SignatureHeader], request.Headers[TimestampHeader]))
        {
            return Problems.Unauthorized($"A valid, current {SignatureHeader} with its {TimestampHeader} is required.");
        }

        var (document, refusal) = JsonBody.ParseArray(body, MaxJsonDepth);
        if (document is null)
        {
            return Problems.BadRequest(refusal!);
        }

        using var json = document;
        var events = json.RootElement.EnumerateArray().ToList();
        var messages = await queue.EnqueueAsync(events, cancellationToken);
        Log.Queued(logger, events.Count, messages);
        return TypedResults.Ok(new SendGridEventsAccepted(events.Count));
    }
}

public sealed record SendGridEventsAccepted(int Events);
