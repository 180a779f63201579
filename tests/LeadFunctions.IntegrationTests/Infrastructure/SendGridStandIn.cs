using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using LeadFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.IntegrationTests.Infrastructure;

/// <summary>
/// A real HTTP server on loopback standing in for SendGrid's v3 API: records every POST /v3/mail/send,
/// parsed, and answers as SendGrid does (202 with a unique X-Message-Id; 401 without the API key), or
/// as told for the next requests (429 with Retry-After, 5xx, or no answer at all). Start a host against
/// it with <see cref="HostSettings"/>.
/// </summary>
public sealed class SendGridStandIn : IAsyncDisposable
{
    public const string ApiKey = "SG.stand-in-api-key";
    public const string FromEmail = "news@leadfunctions.example";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<SentEmail> received = new();
    private readonly ConcurrentQueue<SentEmail> arrived = new();
    private readonly ConcurrentQueue<Func<HttpContext, Task<int>>> planned = new();

    private SendGridStandIn(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>The settings that point a host at this stand-in.</summary>
    public string[] HostSettings =>
        [$"--SendGrid:Host={Address}", $"--SendGrid:ApiKey={ApiKey}", $"--SendGrid:FromEmail={FromEmail}"];

    /// <summary>Every mail send request, in order of arrival, whatever it was answered.</summary>
    public IReadOnlyList<SentEmail> Received => [.. received];

    /// <summary>The emails SendGrid took (answered 202).</summary>
    public IReadOnlyList<SentEmail> Accepted => [.. received.Where(e => e.Status == StatusCodes.Status202Accepted)];

    public static async Task<SendGridStandIn> StartAsync()
    {
        var standIn = new SendGridStandIn(LoopbackServer.Create());
        standIn.app.MapPost("/v3/mail/send", standIn.ReceiveAsync);
        standIn.Address = await LoopbackServer.StartAsync(standIn.app);
        return standIn;
    }

    /// <summary>The next <paramref name="count"/> requests are answered <paramref name="status"/>, with Retry-After and
    /// a JSON body when given.</summary>
    public void AnswerNext(int count, int status, TimeSpan? retryAfter = null, string? body = null)
    {
        for (var i = 0; i < count; i++)
        {
            planned.Enqueue(async context =>
            {
                if (retryAfter is { } wait)
                {
                    context.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(
                        CultureInfo.InvariantCulture
                    );
                }

                context.Response.StatusCode = status;
                if (body is not null)
                {
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync(body);
                }

                return status;
            });
        }
    }

    /// <summary>The next <paramref name="count"/> requests are read and recorded, then the connection is dropped
    /// without an answer.</summary>
    public void DropNext(int count)
    {
        for (var i = 0; i < count; i++)
        {
            planned.Enqueue(context =>
            {
                context.Abort();
                return Task.FromResult(0);
            });
        }
    }

    /// <summary>How long each answer takes (SendGrid's own takes about 100 ms); the request counts as arrived at
    /// once.</summary>
    public TimeSpan AnswerDelay { get; set; }

    /// <summary>Every request that reached the stand-in, answered or not yet: the emails that left their
    /// host.</summary>
    public IReadOnlyList<SentEmail> Arrived => [.. arrived];

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        arrived.Enqueue(SentEmail.Parse(body.RootElement, context.Request.Headers.Authorization.ToString(), 0, null));
        if (AnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(AnswerDelay);
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        var messageId = Guid.NewGuid().ToString("N");
        int status;
        if (authorization != $"Bearer {ApiKey}")
        {
            status = context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        else if (planned.TryDequeue(out var answer))
        {
            status = await answer(context);
        }
        else
        {
            context.Response.Headers["X-Message-Id"] = messageId;
            status = context.Response.StatusCode = StatusCodes.Status202Accepted;
        }

        received.Enqueue(
            SentEmail.Parse(
                body.RootElement,
                authorization,
                status,
                status == StatusCodes.Status202Accepted ? messageId : null
            )
        );
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One mail send request as SendGrid read it (the first personalization's recipient, headers and custom
/// args).</summary>
public sealed record SentEmail(
    int Status,
    string? MessageId,
    string Authorization,
    string To,
    string? ToName,
    string From,
    string? FromName,
    string Subject,
    string? Text,
    string? Html,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> CustomArgs,
    IReadOnlyList<string> Categories,
    int Personalizations
)
{
    public static SentEmail Parse(JsonElement body, string authorization, int status, string? messageId)
    {
        var personalization = body.GetProperty("personalizations")[0];
        var to = personalization.GetProperty("to")[0];
        var from = body.GetProperty("from");
        var content = body.TryGetProperty("content", out var parts)
            ? parts
                .EnumerateArray()
                .ToDictionary(p => p.GetProperty("type").GetString()!, p => p.GetProperty("value").GetString())
            : [];
        return new SentEmail(
            status,
            messageId,
            authorization,
            to.GetProperty("email").GetString()!,
            Optional(to, "name"),
            from.GetProperty("email").GetString()!,
            Optional(from, "name"),
            Optional(personalization, "subject") ?? body.GetProperty("subject").GetString()!,
            content.GetValueOrDefault("text/plain"),
            content.GetValueOrDefault("text/html"),
            Merged(body, personalization, "headers"),
            Merged(body, personalization, "custom_args"),
            body.TryGetProperty("categories", out var categories)
                ? [.. categories.EnumerateArray().Select(c => c.GetString()!)]
                : [],
            body.GetProperty("personalizations").GetArrayLength()
        );
    }

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>SendGrid applies message-level values and lets the personalization's override them.</summary>
    private static Dictionary<string, string> Merged(JsonElement message, JsonElement personalization, string name)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { message, personalization })
        {
            if (source.TryGetProperty(name, out var values))
            {
                foreach (var property in values.EnumerateObject())
                {
                    merged[property.Name] = property.Value.GetString()!;
                }
            }
        }

        return merged;
    }
}
