using System.Text;
using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Webinars;

/// <summary>
/// POST /api/webhooks/webinars/teams: Microsoft Graph's change and lifecycle notifications about followed Teams
/// webinars. Graph's validation handshake (?validationToken=…) is answered with the token as text/plain; a post whose
/// every clientState is ours is queued on teams-notifications and answered 202 at once (Graph waits 3 s), the Graph
/// reads left to <see cref="ProcessTeamsNotification"/>.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "webhooks/webinars/teams",
    Summary = "Microsoft Graph notifications about Teams webinars, verified by clientState; answers the handshake.",
    BodyExample = """
        { "value": [ { "subscriptionId": "7015b436-a8b8-4260-af80-5af8cba32e62", "clientState": "…",
          "changeType": "created", "tenantId": "f5b076c8-b508-4ba3-a1a7-19d1c0bcef03",
          "resource": "solutions/virtualEvents/webinars/f4b39f1c@f5b076c8/registrations",
          "resourceData": { "@odata.type": "#microsoft.graph.virtualEventRegistration",
            "id": "solutions/virtualEvents/webinars/f4b39f1c@f5b076c8/registrations/127962bb" } } ] }
        """,
    Problems = new[] { StatusCodes.Status401Unauthorized }
)]
public sealed class TeamsWebinarWebhook(ITeamsNotificationQueue queue, IOptionsMonitor<WebhookOptions> options)
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Graph's tokens are far shorter; a longer one is not Graph's.</summary>
    public const int MaxValidationTokenLength = 2048;

    private const int MaxDepth = 16;

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var clientState = options.CurrentValue.Teams.ClientState;
        if (string.IsNullOrEmpty(clientState))
        {
            return Problems.Unauthorized(
                "Teams notifications are not accepted: Webhooks:Teams:ClientState is not set."
            );
        }

        if (request.Query["validationToken"].FirstOrDefault() is { } token)
        {
            return token.Length is > 0 and <= MaxValidationTokenLength
                ? TypedResults.Text(token, "text/plain", Encoding.UTF8)
                : Problems.BadRequest($"validationToken must be 1 to {MaxValidationTokenLength} characters.");
        }

        var (document, refusal) = await JsonBody.ReadObjectAsync(request, MaxBodyBytes, MaxDepth, cancellationToken);
        if (document is null)
        {
            return refusal!;
        }

        using var json = document;
        var read = TeamsPayloads.Read(json.RootElement, clientState);
        if (read.Forged)
        {
            return Problems.Unauthorized("Every notification must carry the clientState given to the subscription.");
        }

        if (read.Refusal is { } reason)
        {
            return Problems.BadRequest(reason);
        }

        await queue.EnqueueAsync(read.Notifications, cancellationToken);
        return TypedResults.Accepted((string?)null, new { status = "accepted", queued = read.Notifications.Count });
    }
}
