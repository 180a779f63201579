using System.Text.Json;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Http;

namespace LeadFunctions.Functions.Webinars;

/// <summary>
/// Which fields of GoTo Webinar's events are the webinar and the registrant (docs/webinars/gotowebinar.md). Every
/// event is one flat JSON object; its keys (webinarKey, registrantKey) are numbers too large for a long, read as
/// written.
/// </summary>
public static class GoToWebinarPayloads
{
    public const string Platform = "gotowebinar";

    public const string RegistrantAdded = "registrant.added";
    public const string RegistrantJoined = "registrant.joined";
    public const string WebinarCreated = "webinar.created";
    public const string WebinarChanged = "webinar.changed";

    public static string? EventName(JsonElement root) => root.Text("eventName");

    /// <summary>The webinar's key and title; its start is not on registrant events (only on webinar.created and
    /// webinar.changed, which carry no registrant: <see cref="Scheduled"/>).</summary>
    public static Webinar Webinar(JsonElement root) =>
        new(Platform, root.Text("webinarKey"), root.Text("webinarTitle"));

    /// <summary>webinar.created's and webinar.changed's webinar with its times: "times" lists its sessions
    /// (startTime, endTime); the webinar starts with the first and ends with the last.</summary>
    public static Webinar Scheduled(JsonElement root)
    {
        var sessions =
            root.TryGetProperty("times", out var times) && times.ValueKind == JsonValueKind.Array
                ? times
                    .EnumerateArray()
                    .Where(t => t.ValueKind == JsonValueKind.Object)
                    .Select(t =>
                        (Starts: Timestamp.Parse(t.Text("startTime")), Ends: Timestamp.Parse(t.Text("endTime")))
                    )
                    .ToList()
                : [];
        return Webinar(root) with
        {
            StartsAt = sessions.Min(s => s.Starts),
            EndsAt = sessions.Max(s => s.Ends),
            TimeZone = root.Text("timeZone") is { } zone && WebinarTimeZones.IsKnown(zone) ? zone : null,
        };
    }

    /// <summary>webinar.changed for a webinar the organizer cancelled or deleted (its status).</summary>
    public static bool Cancelled(JsonElement root) =>
        root.Text("status")?.ToUpperInvariant() is "CANCELLED" or "CANCELED" or "DELETED";

    public static string? Email(JsonElement root) => root.Text("email") is { Length: > 0 } email ? email : null;

    /// <summary>The registrant's own link into the webinar: on registrant.added once the registration is
    /// approved.</summary>
    public static string? JoinUrl(JsonElement root) => root.Text("joinUrl") is { Length: > 0 } url ? url : null;

    /// <summary>registrant.added's registration form.</summary>
    public static LeadForm Registrant(JsonElement root) =>
        new()
        {
            Email = root.Text("email"),
            FirstName = root.Text("firstName"),
            LastName = root.Text("lastName"),
            Phone = root.Text("phone"),
            Company = root.Text("organization"),
            JobTitle = root.Text("jobTitle"),
            Industry = root.Text("industry"),
            Country = root.Text("country"),
            CompanySize = root.Text("numberOfEmployees"),
        };

    /// <summary>When it happened: registrant.joined's joinTime (Unix milliseconds), registrant.added's
    /// registrationDate, else the event's timestamp.</summary>
    public static DateTimeOffset? OccurredAt(JsonElement root) =>
        Timestamp.Parse(root.Text("joinTime"))
        ?? Timestamp.Parse(root.Text("registrationDate"))
        ?? Timestamp.Parse(root.Text("timestamp"));
}
