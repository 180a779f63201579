using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LeadFunctions.Adapters.Email;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.Host.Configuration;
using LeadFunctions.Host.Http;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Host.Development;

/// <summary>
/// <c>Runtime:LocalMailbox</c> (self-hosted, for local runs): SendGrid's mail send at <c>/dev/sendgrid/v3/mail/send</c>
/// (point
/// <c>SendGrid:Host</c> at <c>http://127.0.0.1:7071/dev/sendgrid</c>; the bearer must be <c>SendGrid:ApiKey</c>), and
/// the emails it took at <c>/dev/mailbox</c> (function key), newest first.
/// </summary>
public static class LocalMailboxEndpoints
{
    public const string Setting = "Runtime:LocalMailbox";

    public static IServiceCollection AddLocalMailbox(this IServiceCollection services, IConfiguration configuration) =>
        configuration.GetValue<bool>(Setting) ? services.AddSingleton<LocalMailbox>() : services;

    public static void MapLocalMailbox(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<LocalMailbox>() is null)
        {
            return;
        }

        app.MapPost("dev/sendgrid/v3/mail/send", ReceiveAsync);
        var keys = app.ServiceProvider.GetRequiredService<HostKeys>();
        app.MapGet("dev/mailbox", (LocalMailbox mailbox) =>
                Results.Content(MailboxPages.List(mailbox.Newest), "text/html; charset=utf-8")
            )
            .AddEndpointFilter(new FunctionKeyFilter(AuthorizationLevel.Function, keys));
        app.MapGet("dev/mailbox/{id}", (string id, LocalMailbox mailbox) =>
                mailbox.Find(id) is { } email
                    ? Results.Content(MailboxPages.Email(email), "text/html; charset=utf-8")
                    : Problems.NotFound(
                        $"No email {id} in the local mailbox (it keeps the newest {LocalMailbox.Capacity})."
                    )
            )
            .AddEndpointFilter(new FunctionKeyFilter(AuthorizationLevel.Function, keys));
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request,
        LocalMailbox mailbox,
        IOptions<SendGridOptions> sendGrid,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var expected = Encoding.UTF8.GetBytes($"Bearer {sendGrid.Value.ApiKey}");
        if (
            !CryptographicOperations.FixedTimeEquals(
                expected,
                Encoding.UTF8.GetBytes(request.Headers.Authorization.ToString())
            )
        )
        {
            return Results.Json(
                new
                {
                    errors = new[]
                    {
                        new { message = "The provided authorization grant is invalid, expired, or revoked" },
                    },
                },
                statusCode: StatusCodes.Status401Unauthorized
            );
        }

        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(
                request.Body,
                cancellationToken: cancellationToken
            );
        }
        catch (JsonException)
        {
            return Results.Json(
                new { errors = new[] { new { message = "Bad Request" } } },
                statusCode: StatusCodes.Status400BadRequest
            );
        }

        var received = mailbox.Receive(body, time.GetUtcNow());
        request.HttpContext.Response.Headers[SendGridEmailSender.MessageIdHeader] =
            received.Count > 0 ? received[0].Id : string.Empty;
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }
}
