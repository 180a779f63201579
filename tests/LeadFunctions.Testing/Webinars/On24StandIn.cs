using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Testing.Webinars;

/// <summary>
/// A real HTTP server on loopback standing in for the few calls of ON24's REST API v2 the poll makes, shaped as ON24's
/// reference shows them (apidoc.on24.com, Event Level Analytics: "Metadata and Usage", "Registrants", "Attendees";
/// the examples of ON24's published openapi.json): the token pair in the accessTokenKey and accessTokenSecret headers
/// (401 otherwise), startDate a Pacific date, pageOffset and itemsPerPage, dateFilterMode=lastActivity for attendees.
/// It counts how often it served each person, and answers as told for the next requests (a 429 with Retry-After, ON24's
/// 403 "maximum number of calls").
/// </summary>
public sealed class On24StandIn : IAsyncDisposable
{
    public const string ClientId = "22950";
    public const string AccessTokenKey = "63129107067A520E6B7DE18D5E1CB2BF";
    public const string AccessTokenSecret = "072639740ac239333e3708a1623b9de3590d972e6b1060071b726ecfd9b216001b45";

    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, JsonObject> events = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> registrants = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> attendees = new();
    private readonly ConcurrentDictionary<string, int> served = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> requests = new();
    private readonly ConcurrentQueue<(int Status, TimeSpan? RetryAfter, string Body)> planned = new();
    private long nextUserId = 49177588;

    private On24StandIn(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>The settings that point a host at this stand-in for <paramref name="eventIds"/>.</summary>
    public string[] HostSettings(params string[] eventIds) =>
        [
            $"--On24:BaseUrl={Address}",
            $"--On24:ClientId={ClientId}",
            $"--On24:AccessTokenKey={AccessTokenKey}",
            $"--On24:AccessTokenSecret={AccessTokenSecret}",
            $"--On24:EventIds={string.Join(',', eventIds)}",
        ];

    /// <summary>Every request's path and query, in order of arrival, whatever it was answered.</summary>
    public IReadOnlyList<string> Requests => [.. requests];

    /// <summary>How many times an answer of the list ("registrants" or "attendees") held the person with this
    /// email.</summary>
    public int Served(string list, string email) => served.GetValueOrDefault($"{list}:{email}");

    public static async Task<On24StandIn> StartAsync()
    {
        var standIn = new On24StandIn(LoopbackServer.Create());
        standIn.app.MapGet("/v2/client/{clientId}/event/{eventId}", standIn.EventAsync);
        standIn.app.MapGet(
            "/v2/client/{clientId}/event/{eventId}/registrant",
            (HttpContext c, string clientId, string eventId) =>
                standIn.ListAsync(c, clientId, eventId, "registrants", standIn.registrants, "createtimestamp")
        );
        standIn.app.MapGet(
            "/v2/client/{clientId}/event/{eventId}/attendee",
            (HttpContext c, string clientId, string eventId) =>
                standIn.ListAsync(c, clientId, eventId, "attendees", standIn.attendees, "lastactivity")
        );
        standIn.Address = await LoopbackServer.StartAsync(standIn.app);
        return standIn;
    }

    /// <summary>An event as Metadata and Usage shows it: "description" is its title.</summary>
    public void AddEvent(string eventId, string title, DateTimeOffset liveStart, TimeSpan length) =>
        events[eventId] = new JsonObject
        {
            ["eventid"] = long.Parse(eventId, CultureInfo.InvariantCulture),
            ["clientid"] = long.Parse(ClientId, CultureInfo.InvariantCulture),
            ["description"] = title,
            ["displaytimezonecd"] = "Europe/Istanbul",
            ["livestart"] = OnPacific(liveStart),
            ["liveend"] = OnPacific(liveStart + length),
            ["audienceurl"] = $"https://event.on24.com/wcc/r/{eventId}/9AB4ABD834D841E9E5ED9124D266848B",
            ["contenttype"] = "webcast",
        };

    /// <summary>A registrant as Registrants lists them, registered at <paramref name="at"/>; no email when
    /// null.</summary>
    public void AddRegistrant(
        string eventId,
        string? email,
        string firstName,
        string lastName,
        DateTimeOffset at,
        string company = "Acme A.Ş.",
        bool marketingEmail = false
    )
    {
        var registrant = new JsonObject
        {
            ["eventuserid"] = Interlocked.Increment(ref nextUserId),
            ["firstname"] = firstName,
            ["lastname"] = lastName,
            ["company"] = company,
            ["jobtitle"] = "Pazarlama Müdürü",
            ["city"] = "İstanbul",
            ["country"] = "Turkey",
            ["workphone"] = "0532 765 43 21",
            ["companyindustry"] = "Software",
            ["companysize"] = "50 - 99",
            ["partnerref"] = "EM",
            ["eventid"] = long.Parse(eventId, CultureInfo.InvariantCulture),
            ["marketingemail"] = marketingEmail ? "Y" : "N",
            ["eventemail"] = "Y",
            ["createtimestamp"] = OnPacific(at),
            ["lastactivity"] = OnPacific(at),
            ["userstatus"] = "active",
        };
        if (email is not null)
        {
            registrant["email"] = email;
        }

        registrants.GetOrAdd(eventId, _ => new()).Enqueue(registrant);
    }

    /// <summary>An attendee as Attendees lists them: live and on-demand minutes, first live activity at
    /// <paramref name="at"/>.</summary>
    public void AddAttendee(string eventId, string email, DateTimeOffset at, int liveMinutes, int archiveMinutes = 0) =>
        attendees
            .GetOrAdd(eventId, _ => new())
            .Enqueue(
                new JsonObject
                {
                    ["email"] = email,
                    ["eventuserid"] = Interlocked.Increment(ref nextUserId),
                    ["userstatus"] = "active",
                    ["isblocked"] = "N",
                    ["engagementscore"] = 8.5,
                    ["liveminutes"] = liveMinutes,
                    ["liveviewed"] = 1,
                    ["firstliveactivity"] = OnPacific(at),
                    ["lastliveactivity"] = OnPacific(at + TimeSpan.FromMinutes(liveMinutes)),
                    ["archiveminutes"] = archiveMinutes,
                    ["lastactivity"] = OnPacific(at + TimeSpan.FromMinutes(liveMinutes)),
                    ["askedquestions"] = 0,
                    ["launchmode"] = "At the Venue",
                }
            );

    /// <summary>The next <paramref name="count"/> requests (with the right token pair) are answered
    /// <paramref name="status"/>, with Retry-After (seconds) when given and ON24's {"message": …}.</summary>
    public void AnswerNext(int count, int status, string message, TimeSpan? retryAfter = null)
    {
        for (var i = 0; i < count; i++)
        {
            planned.Enqueue((status, retryAfter, new JsonObject { ["message"] = message }.ToJsonString()));
        }
    }

    private async Task EventAsync(HttpContext context, string clientId, string eventId)
    {
        if (await RefusedAsync(context, clientId))
        {
            return;
        }

        if (!events.TryGetValue(eventId, out var details))
        {
            await AnswerAsync(context, StatusCodes.Status404NotFound, $"The event {eventId} doesn't exist.");
            return;
        }

        await context.Response.WriteAsync(details.ToJsonString());
    }

    private async Task ListAsync(
        HttpContext context,
        string clientId,
        string eventId,
        string name,
        ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> lists,
        string dateField
    )
    {
        if (await RefusedAsync(context, clientId))
        {
            return;
        }

        var query = context.Request.Query;
        var since = DateOnly.TryParseExact(query["startDate"], "yyyy-MM-dd", out var date) ? date : (DateOnly?)null;
        var size = int.TryParse(query["itemsPerPage"], out var s) ? s : 100;
        var page = int.TryParse(query["pageOffset"], out var p) ? p : 0;
        var matching = lists
            .GetOrAdd(eventId, _ => new())
            .Where(person => since is not { } from || PacificDate(person[dateField]!.GetValue<string>()) >= from)
            .ToList();
        var answered = matching.Skip(page * size).Take(size).ToList();
        foreach (var person in answered)
        {
            served.AddOrUpdate($"{name}:{person["email"]?.GetValue<string>()}", 1, (_, n) => n + 1);
        }

        await context.Response.WriteAsync(
            new JsonObject
            {
                ["eventid"] = long.Parse(eventId, CultureInfo.InvariantCulture),
                [$"total{name}"] = matching.Count,
                ["pagecount"] = Math.Max(1, (matching.Count + size - 1) / size),
                ["currentpage"] = page,
                [name] = new JsonArray([.. answered.Select(person => person.DeepClone())]),
            }.ToJsonString()
        );
    }

    /// <summary>A wrong token pair is refused as ON24 refuses it; else a planned answer, if any.</summary>
    private async Task<bool> RefusedAsync(HttpContext context, string clientId)
    {
        requests.Enqueue(context.Request.Path + context.Request.QueryString);
        context.Response.ContentType = "application/json";
        if (
            clientId != ClientId
            || context.Request.Headers["accessTokenKey"] != AccessTokenKey
            || context.Request.Headers["accessTokenSecret"] != AccessTokenSecret
        )
        {
            await AnswerAsync(
                context,
                StatusCodes.Status401Unauthorized,
                "AccessTokenKey and AccessTokenSecret are wrong or invalid."
            );
            return true;
        }

        if (!planned.TryDequeue(out var answer))
        {
            return false;
        }

        if (answer.RetryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = answer.Status;
        await context.Response.WriteAsync(answer.Body);
        return true;
    }

    private static Task AnswerAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync(new JsonObject { ["message"] = message }.ToJsonString());
    }

    /// <summary>ON24 writes times in Pacific Time with their offset.</summary>
    private static string OnPacific(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Pacific).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static DateOnly PacificDate(string written) =>
        DateOnly.FromDateTime(
            TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(written, CultureInfo.InvariantCulture), Pacific).DateTime
        );

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
