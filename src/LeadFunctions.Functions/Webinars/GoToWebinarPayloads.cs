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

    public static string? EventName(JsonElement root) => root.Text("eventName");

    /// <summary>The webinar's key and title; its start is not on registrant events (only on webinar.created and
    /// webinar.changed, which carry no registrant).</summary>
    public static Webinar Webinar(JsonElement root) =>
        new(Platform, root.Text("webinarKey"), root.Text("webinarTitle"));

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
