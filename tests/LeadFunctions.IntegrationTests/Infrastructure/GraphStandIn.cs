using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using LeadFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.IntegrationTests.Infrastructure;

/// <summary>
/// A real HTTP server on loopback standing in for the few Microsoft Graph v1.0 calls Teams webinars use, answering in
/// the shapes of Graph's pages (virtualEventWebinar, virtualEventRegistration, virtualEventSession,
/// meetingAttendanceReport, attendanceRecord, subscription). Creating a subscription does Graph's validation
/// handshake against the host under test (<see cref="DeliverTo"/>) first, and refuses the subscription if it fails.
/// Every call needs "Bearer <see cref="Token"/>" (the host gets <see cref="Credential"/>).
/// </summary>
public sealed class GraphStandIn : IAsyncDisposable
{
    public const string Token = "graph-stand-in-token";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> calls = new();
    private readonly ConcurrentDictionary<string, JsonObject> webinars = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<JsonObject>> registrations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<JsonObject>> attendance = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> subscriptions = new(StringComparer.Ordinal);

    private GraphStandIn(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>The host under test: notifications and the handshake go there, whatever address the subscription
    /// names (its port is chosen when it starts).</summary>
    public Uri? DeliverTo { get; set; }

    /// <summary>The settings that point a host at this stand-in.</summary>
    public string[] HostSettings => [$"--Graph:BaseUrl={Address}v1.0"];

    /// <summary>A credential whose token the stand-in accepts (Entra ID's token endpoint is not stood in).</summary>
    public static TokenCredential Credential { get; } = new StandInCredential();

    /// <summary>Every call, "METHOD path", in order of arrival.</summary>
    public IReadOnlyList<string> Calls => [.. calls];

    /// <summary>The subscriptions Graph holds now, by id.</summary>
    public IReadOnlyDictionary<string, JsonObject> Subscriptions => subscriptions;

    /// <summary>The validation tokens our host answered, and what it answered.</summary>
    public ConcurrentQueue<(string Token, string Answer, string? ContentType)> Handshakes { get; } = new();

    public static async Task<GraphStandIn> StartAsync()
    {
        var standIn = new GraphStandIn(LoopbackServer.Create());
        standIn.Map();
        standIn.Address = await LoopbackServer.StartAsync(standIn.app);
        return standIn;
    }

    /// <summary>A published webinar, in UTC as Graph answers by default.</summary>
    public void AddWebinar(string id, string displayName, DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        webinars[id] = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.virtualEventWebinar",
            ["id"] = id,
            ["status"] = "published",
            ["displayName"] = displayName,
            ["startDateTime"] = DateTimeTimeZone(startsAt),
            ["endDateTime"] = DateTimeTimeZone(endsAt),
            ["audience"] = "everyone",
        };

    public void AddRegistration(
        string webinarId,
        string id,
        string email,
        string firstName,
        string lastName,
        string status = "registered"
    ) =>
        registrations
            .GetOrAdd(webinarId, _ => [])
            .Add(
                new JsonObject
                {
                    ["@odata.type"] = "#microsoft.graph.virtualEventRegistration",
                    ["id"] = id,
                    ["userId"] = null,
                    ["firstName"] = firstName,
                    ["lastName"] = lastName,
                    ["email"] = email,
                    ["status"] = status,
                    ["registrationDateTime"] = "2026-11-20T10:00:00Z",
                    ["cancelationDateTime"] = null,
                    ["registrationQuestionAnswers"] = new JsonArray(),
                }
            );

    /// <summary>An attendance record in the webinar's one session's one report (made with the first).</summary>
    public void AddAttendance(
        string webinarId,
        string email,
        string name,
        string role,
        int seconds,
        DateTimeOffset joined
    ) =>
        attendance
            .GetOrAdd(webinarId, _ => [])
            .Add(
                new JsonObject
                {
                    ["emailAddress"] = email,
                    ["totalAttendanceInSeconds"] = seconds,
                    ["role"] = role,
                    ["identity"] = new JsonObject
                    {
                        ["id"] = Guid.NewGuid().ToString(),
                        ["displayName"] = name,
                        ["tenantId"] = null,
                    },
                    ["attendanceIntervals"] = new JsonArray(
                        new JsonObject
                        {
                            ["joinDateTime"] = joined.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                            ["leaveDateTime"] = joined
                                .AddSeconds(seconds)
                                .UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                            ["durationInSeconds"] = seconds,
                        }
                    ),
                }
            );

    /// <summary>Graph drops the subscription (as after an expiry missed): renewing it answers 404.</summary>
    public void Drop(string subscriptionId) => subscriptions.TryRemove(subscriptionId, out _);

    private static JsonObject DateTimeTimeZone(DateTimeOffset at) =>
        new()
        {
            ["dateTime"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture),
            ["timeZone"] = "UTC",
        };

    private void Map()
    {
        app.Use(
            async (context, next) =>
            {
                calls.Enqueue($"{context.Request.Method} {context.Request.Path}");
                if (context.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    await context.Response.WriteAsJsonAsync(Error("InvalidAuthenticationToken", "No token."));
                    return;
                }

                await next(context);
            }
        );
        const string webinar = "/v1.0/solutions/virtualEvents/webinars/{webinarId}";
        app.MapGet(webinar, (string webinarId) => Found(webinars.GetValueOrDefault(webinarId)));
        app.MapGet(webinar + "/registrations", (string webinarId, int? skip) =>
            Page(
                registrations.GetValueOrDefault(webinarId) ?? [],
                skip ?? 0,
                $"{Address}v1.0/solutions/virtualEvents/webinars/{Uri.EscapeDataString(webinarId)}/registrations"
            )
        );
        app.MapGet(webinar + "/registrations/{id}", (string webinarId, string id) =>
            Found(registrations.GetValueOrDefault(webinarId)?.FirstOrDefault(r => (string?)r["id"] == id))
        );
        app.MapGet(webinar + "/sessions", (string webinarId) =>
            webinars.TryGetValue(webinarId, out var found)
                ? Results.Json(
                    new { value = new[] { new { id = "session-1", subject = (string?)found["displayName"] } } }
                )
                : Results.Json(Error("NotFound", "No webinar."), statusCode: 404)
        );
        app.MapGet(webinar + "/sessions/{sessionId}/attendanceReports", (string webinarId) => Results.Json(
                new
                {
                    value = attendance.TryGetValue(webinarId, out var records)
                        ? new object[]
                        {
                            new
                            {
                                id = "report-1",
                                totalParticipantCount = records.Count,
                                attendanceRecords = Array.Empty<object>(),
                            },
                        }
                        : [],
                }
            ));
        app.MapGet(
            webinar + "/sessions/{sessionId}/attendanceReports/{reportId}/attendanceRecords",
            (string webinarId, int? skip) =>
                Page(
                    attendance.GetValueOrDefault(webinarId) ?? [],
                    skip ?? 0,
                    $"{Address}v1.0/solutions/virtualEvents/webinars/{Uri.EscapeDataString(webinarId)}/sessions/session-1/attendanceReports/report-1/attendanceRecords"
                )
        );
        app.MapPost("/v1.0/subscriptions", CreateSubscriptionAsync);
        app.MapMethods("/v1.0/subscriptions/{id}", ["PATCH"], async (string id, HttpRequest request) =>
        {
            var patch = await request.ReadFromJsonAsync<JsonObject>();
            if (!subscriptions.TryGetValue(id, out var subscription))
            {
                return Results.Json(Error("ResourceNotFound", "The object was not found."), statusCode: 404);
            }

            subscription["expirationDateTime"] = patch!["expirationDateTime"]!.GetValue<string>();
            return Results.Json(subscription);
        });
        app.MapPost("/v1.0/subscriptions/{id}/reauthorize", (string id) =>
            subscriptions.ContainsKey(id)
                ? Results.NoContent()
                : Results.Json(Error("ResourceNotFound", "The object was not found."), statusCode: 404)
        );
    }

    /// <summary>Graph answers 400 when the handshake fails; 201 with the subscription after it succeeded.</summary>
    private async Task<IResult> CreateSubscriptionAsync(HttpRequest request)
    {
        var asked = (await request.ReadFromJsonAsync<JsonObject>())!;
        var notificationUrl = new Uri(asked["notificationUrl"]!.GetValue<string>());
        var token = "validation-" + Guid.NewGuid().ToString("N") + " +/&=";
        using var client = new HttpClient { BaseAddress = DeliverTo };
        using var answer = await client.SendAsync(
            Testing.Webinars.TeamsRequests.Validation(token, notificationUrl.AbsolutePath)
        );
        var body = await answer.Content.ReadAsStringAsync();
        Handshakes.Enqueue((token, body, answer.Content.Headers.ContentType?.MediaType));
        if (!answer.IsSuccessStatusCode || body != token)
        {
            return Results.Json(
                Error(
                    "ValidationError",
                    "Subscription validation request failed. Response must exactly match validationToken query parameter."
                ),
                statusCode: 400
            );
        }

        var id = Guid.NewGuid().ToString();
        var subscription = new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity",
            ["id"] = id,
            ["resource"] = asked["resource"]?.GetValue<string>(),
            ["changeType"] = asked["changeType"]?.GetValue<string>(),
            ["clientState"] = asked["clientState"]?.GetValue<string>(),
            ["notificationUrl"] = notificationUrl.AbsoluteUri,
            ["lifecycleNotificationUrl"] = asked["lifecycleNotificationUrl"]?.GetValue<string>(),
            ["expirationDateTime"] = asked["expirationDateTime"]?.GetValue<string>(),
            ["applicationId"] = "24d3b144-21ae-4080-943f-7067b395b913",
        };
        subscriptions[id] = subscription;
        return Results.Json(subscription, statusCode: 201);
    }

    /// <summary>Two items a page, the next page's address in @odata.nextLink, as Graph pages long lists.</summary>
    private static IResult Page(List<JsonObject> items, int skip, string address)
    {
        var page = items.Skip(skip).Take(2).Select(i => i.DeepClone()).ToArray();
        var result = new JsonObject { ["value"] = new JsonArray(page) };
        if (skip + 2 < items.Count)
        {
            result["@odata.nextLink"] = $"{address}?skip={skip + 2}";
        }

        return Results.Json(result);
    }

    private static IResult Found(JsonObject? item) =>
        item is null
            ? Results.Json(Error("NotFound", "The requested resource was not found."), statusCode: 404)
            : Results.Json(item);

    private static object Error(string code, string message) => new { error = new { code, message } };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed class StandInCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(Token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(
            TokenRequestContext requestContext,
            CancellationToken cancellationToken
        ) => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
