using System.Globalization;
using System.Text.Json;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Http;

namespace LeadFunctions.Functions.Webinars;

/// <summary>Which fields of each platform's JSON are the webinar and the registrant (docs/reference.md, Zoom's webinar
/// events).</summary>
public static class WebinarPayloads
{
    private const string ZoomPlatform = "zoom";

    /// <summary>Zoom's payload.object: the webinar's id, topic, start_time and timezone (an IANA id; one we do not
    /// know is left out rather than the event refused), and end_time where webinar.ended has it.</summary>
    public static Webinar ZoomWebinar(JsonElement webinar) =>
        new(
            ZoomPlatform,
            webinar.Text("id"),
            webinar.Text("topic"),
            Date(webinar.Text("start_time")),
            Date(webinar.Text("end_time")),
            webinar.Text("timezone") is { } zone && WebinarTimeZones.IsKnown(zone) ? zone : null
        );

    public static LeadForm ZoomRegistrant(JsonElement registrant) =>
        new()
        {
            Email = registrant.Text("email"),
            FirstName = registrant.Text("first_name"),
            LastName = registrant.Text("last_name"),
            Company = registrant.Text("org"),
            JobTitle = registrant.Text("job_title"),
            Country = registrant.Text("country"),
            Phone = registrant.Text("phone"),
            Industry = registrant.Text("industry"),
            CompanySize = registrant.Text("no_of_employees"),
        };

    /// <summary>
    /// The generic webhook's body, under the platform's own name (<see cref="Webinar.PlatformNamed"/>).
    /// </summary>
    public static Webinar GenericWebinar(JsonElement root) =>
        new(
            Webinar.PlatformNamed(root.Text("platform")),
            root.Text("webinarId"),
            root.Text("webinarTitle"),
            Date(root.Text(StartsAt)),
            Date(root.Text(EndsAt)),
            root.Text(TimeZone)
        );

    /// <summary>The generic webhook's webinar start (ISO 8601; UTC when it names no offset).</summary>
    public const string StartsAt = "startsAt";

    /// <summary>The generic webhook's webinar end, as its start.</summary>
    public const string EndsAt = "endsAt";

    /// <summary>The generic webhook's webinar time zone, an IANA id.</summary>
    public const string TimeZone = "timeZone";

    /// <summary>An ISO 8601 date and time, UTC when it names no offset; null when absent or not one.</summary>
    public static DateTimeOffset? Date(string? written) =>
        DateTimeOffset.TryParse(written, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    /// <summary>The generic webhook's registrant speaks the form's field names.</summary>
    public static LeadForm GenericRegistrant(JsonElement registrant) =>
        new()
        {
            Email = registrant.Text(LeadFormFields.Email),
            FirstName = registrant.Text(LeadFormFields.FirstName),
            LastName = registrant.Text(LeadFormFields.LastName),
            Company = registrant.Text(LeadFormFields.Company),
            JobTitle = registrant.Text(LeadFormFields.JobTitle),
            ConsentEmail = registrant.Text(LeadFormFields.ConsentEmail),
        };
}
