using System.Globalization;
using System.Text.Json;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Security;
using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Webinars;

/// <summary>
/// POST /api/webhooks/webinars/generic: any other webinar platform, signed
/// "X-Signature-256: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;" (docs/reference.md).
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "webhooks/webinars/generic",
    Summary = "Webinar events from any other platform, verified by X-Signature-256.",
    BodyExample = """
        { "event": "attended", "webinarId": "w-42", "webinarTitle": "Product tour",
          "startsAt": "2026-11-02T09:30:00Z", "endsAt": "2026-11-02T10:30:00Z", "timeZone": "Europe/Istanbul",
          "occurredAt": "2026-11-02T10:00:00Z",
          "registrant": { "email": "ayse.yilmaz@example.com", "firstName": "Ayşe", "lastName": "Yılmaz",
            "consentEmail": true, "minutes": 55 } }
        """,
    Problems = new[] { StatusCodes.Status401Unauthorized }
)]
public sealed class GenericWebinarWebhook(
    WebinarIntake intake,
    IOptionsMonitor<WebhookOptions> options,
    TimeProvider time
)
{
    public const int MaxBodyBytes = 64 * 1024;

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, problem) = await SignedJsonBody.ReadAsync(
            request,
            MaxBodyBytes,
            body =>
                WebhookSignatures.IsValidSha256Header(
                    options.CurrentValue.Generic.Secret,
                    body,
                    request.Headers[WebhookSignatures.Sha256HeaderName].FirstOrDefault()
                ),
            $"A valid {WebhookSignatures.Sha256HeaderName} signature is required.",
            cancellationToken
        );
        if (document is null)
        {
            return problem!;
        }

        using var json = document;
        var root = json.RootElement;
        var registrant = root.Child("registrant");
        var webinar = WebinarPayloads.GenericWebinar(root);
        var occurredAt = WebinarPayloads.Date(root.Text("occurredAt")) ?? time.GetUtcNow();
        var minutesText = registrant.Text(WebinarAttendance.Minutes);
        int? minutes = int.TryParse(minutesText, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
        var errors = Refused(root, webinar)
            ?? root.Text("event") switch
            {
                _ when minutesText is not null && minutes is null => new Dictionary<string, string[]>
                {
                    [WebinarAttendance.Minutes] = ["A whole number of minutes."],
                },
                "registered" => await intake.RegisterAsync(
                    webinar,
                    WebinarPayloads.GenericRegistrant(registrant),
                    occurredAt,
                    registrant.Text(WebinarAttendance.JoinUrl),
                    cancellationToken
                ),
                "attended" => await intake.AttendAsync(
                    webinar,
                    registrant.Text(LeadFormFields.Email),
                    occurredAt,
                    minutes,
                    cancellationToken
                ),
                "ended" => await intake.EndAsync(webinar, webinar.EndsAt ?? occurredAt, cancellationToken),
                _ => new Dictionary<string, string[]>
                {
                    ["event"] = ["One of \"registered\", \"attended\" or \"ended\"."],
                },
            };
        return errors is null
            ? TypedResults.Accepted((string?)null, new { status = "accepted" })
            : Problems.Invalid(errors);
    }

    /// <summary>The webinar's start and end, where the body names them, must be dates a webinar can have.</summary>
    private Dictionary<string, string[]>? Refused(JsonElement root, Webinar webinar)
    {
        var now = time.GetUtcNow();
        var refused = new Dictionary<string, string[]>();
        foreach (
            var (name, date) in new[]
            {
                (WebinarPayloads.StartsAt, webinar.StartsAt),
                (WebinarPayloads.EndsAt, webinar.EndsAt),
            }
        )
        {
            if (root.Text(name) is not null && !(date is { } at && EnrollmentDates.IsPlausible(at, now)))
            {
                refused[name] = [DateRule];
            }
        }

        return refused.Count == 0 ? null : refused;
    }

    private const string DateRule =
        "An ISO 8601 date and time (2026-11-02T09:30:00Z) from a year ago to two years ahead.";
}
