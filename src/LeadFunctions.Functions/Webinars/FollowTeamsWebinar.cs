using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Webinars;

/// <summary>
/// POST /api/webinars/teams/{id}/subscription (admin key): follow a Teams webinar. Graph is asked for a
/// change-notification subscription on its registrations (Graph checks our webhook's address with its handshake
/// first), the registrations made so far are read on the queue, and the timer renews the subscription until the
/// webinar's attendance is read. Posting again for the same webinar renews it. Without Graph's app registration the
/// answer is 409 naming the settings; when Graph refuses (a permission not granted, its handshake failed) 502 with
/// Graph's answer.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Admin,
    "post",
    Route = "webinars/teams/{id}/subscription",
    Summary = "Follow a Microsoft Teams webinar through Graph (admin key).",
    Problems = new[] { StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status502BadGateway }
)]
public sealed partial class FollowTeamsWebinar(
    TeamsWebinars teams,
    IOptionsMonitor<WebhookOptions> options,
    ILogger<FollowTeamsWebinar> logger
)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (new Webinar(TeamsWebinars.Platform, id, null).Validate() is { } errors)
        {
            return Problems.Invalid(errors);
        }

        if (string.IsNullOrEmpty(options.CurrentValue.Teams.ClientState))
        {
            return Problems.Conflict(
                "Set Webhooks:Teams:ClientState first: our webhook refuses every notification without it.",
                "Teams notifications are not set up."
            );
        }

        TeamsSubscription? followed;
        try
        {
            followed = await teams.FollowAsync(id, cancellationToken);
        }
        catch (WebinarPlatformException unusable)
        {
            Refused(logger, id, unusable.Message);
            return unusable.NotSetUp
                ? Problems.Conflict(unusable.Message, "Microsoft Graph is not set up.")
                : Problems.BadGateway(unusable.Message, "Microsoft Graph refused.");
        }

        if (followed is null)
        {
            return Problems.NotFound("The Teams webinar");
        }

        Followed(logger, id, followed.SubscriptionId, followed.ExpiresAt);
        return TypedResults.Ok(
            new
            {
                webinarId = id,
                subscriptionId = followed.SubscriptionId,
                expiresAt = followed.ExpiresAt,
                title = followed.Webinar.Title,
                startsAt = followed.Webinar.StartsAt,
                endsAt = followed.Webinar.EndsAt,
            }
        );
    }

    [LoggerMessage(
        EventId = 2800,
        Level = LogLevel.Information,
        Message = "Teams webinar {WebinarId} followed: subscription {SubscriptionId} until {ExpiresAt}"
    )]
    private static partial void Followed(
        ILogger logger,
        string webinarId,
        string subscriptionId,
        DateTimeOffset expiresAt
    );

    [LoggerMessage(
        EventId = 2804,
        Level = LogLevel.Warning,
        Message = "Teams webinar {WebinarId} not followed: {Reason}"
    )]
    private static partial void Refused(ILogger logger, string webinarId, string reason);
}
