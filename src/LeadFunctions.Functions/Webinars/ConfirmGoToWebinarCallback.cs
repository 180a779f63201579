using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Webinars;

/// <summary>
/// GET /api/webhooks/webinars/gotowebinar: GoTo checks a webhook's callback URL with a GET that must answer 200 before
/// it creates or changes the webhook. Answered only once the secret key is set, so a webhook that would refuse every
/// event cannot be created.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = GoToWebinarWebhook.Route,
    Summary = "GoTo Webinar's check of the callback URL: 200 once the webhook secret key is set.",
    Problems = new[] { StatusCodes.Status401Unauthorized }
)]
public sealed class ConfirmGoToWebinarCallback(IOptionsMonitor<WebhookOptions> options)
{
    public Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IResult>(
            string.IsNullOrEmpty(options.CurrentValue.GoToWebinar.SecretKey)
                ? Problems.Unauthorized("Webhooks:GoToWebinar:SecretKey is not set: every event would be refused.")
                : TypedResults.Ok(new { status = "ready" })
        );
}
