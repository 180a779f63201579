using LeadFunctions.Core.Security;
using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Webinars;

/// <summary>
/// POST /api/webhooks/webinars/livestorm/{secret}: Livestorm's events. Livestorm signs nothing, so the address is the
/// credential: its last segment must be Webhooks:Livestorm:Secret (compared in constant time), and it is kept out of
/// logs and spans (<see cref="LivestormAddress"/>). A registrant becomes a lead with its join link, an attendance an
/// attended event with its minutes, people.not_attended a no-show at once, session.ended the session's end; the
/// other events are acknowledged and ignored.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = LivestormAddress.Route,
    Summary = "Livestorm events, verified by the secret at the end of the address.",
    BodyExample = """
        { "data": { "id": "8f2c1e0a-5b7d-4c3e-9a1f-2d4e6b8c0a12", "type": "people",
          "attributes": { "role": "participant", "email": "ayse.yilmaz@example.com", "first_name": "Ayşe",
            "last_name": "Yılmaz", "registrant_detail": { "event_id": "2f6a0c8e-1b3d-4f5a-8c7e-9d0b1a2c3e4f",
              "session_id": "6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f", "created_at": 1795000000,
              "connection_link": "https://app.livestorm.co/p/2f6a0c8e/live?s=6c1d2e3f" } } },
          "meta": { "webhook": { "event": "people.registered" } } }
        """,
    Problems = new[] { StatusCodes.Status401Unauthorized }
)]
public sealed class LivestormWebinarWebhook(
    WebinarIntake intake,
    IOptionsMonitor<WebhookOptions> options,
    TimeProvider time
)
{
    public const int MaxBodyBytes = 64 * 1024;

    public async Task<IResult> RunAsync(HttpRequest request, string secret, CancellationToken cancellationToken)
    {
        var (document, problem) = await SignedJsonBody.ReadAsync(
            request,
            MaxBodyBytes,
            _ => SharedSecret.Matches(options.CurrentValue.Livestorm.Secret, secret),
            "The address must end in the secret Webhooks:Livestorm:Secret holds.",
            cancellationToken
        );
        if (document is null)
        {
            return problem!;
        }

        using var json = document;
        var root = json.RootElement;
        var eventName = LivestormPayloads.EventName(root);
        if (eventName is null || !LivestormPayloads.Used.Contains(eventName) || LivestormPayloads.IsTeamMember(root))
        {
            // Event and session changes, replays watched, and the webinar's own hosts are acknowledged, so Livestorm
            // does not retry (and, after five, disable) them.
            return WebinarAnswers.Ignored;
        }

        if (eventName == LivestormPayloads.SessionEnded)
        {
            var session = LivestormPayloads.Session(root);
            var ended = await intake.EndAsync(session, session.EndsAt ?? time.GetUtcNow(), cancellationToken);
            return ended is null ? WebinarAnswers.Accepted : Problems.Invalid(ended);
        }

        if (LivestormPayloads.Email(root) is not { } email)
        {
            // No email, no lead; a 4xx would only be sent again.
            return WebinarAnswers.Ignored;
        }

        var webinar = LivestormPayloads.PersonWebinar(root);
        var errors = eventName switch
        {
            LivestormPayloads.PeopleRegistered => await intake.RegisterAsync(
                webinar,
                LivestormPayloads.Registrant(root),
                LivestormPayloads.RegisteredAt(root) ?? time.GetUtcNow(),
                LivestormPayloads.JoinUrl(root),
                cancellationToken
            ),
            LivestormPayloads.PeopleAttended => await intake.AttendAsync(
                webinar,
                email,
                LivestormPayloads.UpdatedAt(root) ?? time.GetUtcNow(),
                LivestormPayloads.Minutes(root),
                cancellationToken
            ),
            _ => await intake.MissAsync(
                webinar,
                email,
                LivestormPayloads.UpdatedAt(root) ?? time.GetUtcNow(),
                cancellationToken
            ),
        };
        return errors is null ? WebinarAnswers.Accepted : Problems.Invalid(errors);
    }
}
