using System.Globalization;
using System.Text.Json;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Webinars;

namespace LeadFunctions.Adapters.Webinars;

/// <summary>
/// Which fields of ON24's JSON are the webinar, a registrant and an attendee (ON24's API reference, apidoc.on24.com:
/// Event Level Analytics "Metadata and Usage", "Registrants" and "Attendees"; field names are ON24's, lowercase).
/// </summary>
public static class On24Payloads
{
    public const string Platform = "on24";

    private const int MaxTitleLength = 300;

    /// <summary>GET /v2/client/{clientId}/event/{eventId}: its title ("description"; "eventname" when that is empty),
    /// live start and end ("livestart", "liveend"), display time zone ("displaytimezonecd", when an IANA id we know)
    /// and audience address ("audienceurl", when an https one).</summary>
    public static On24Event Event(string eventId, JsonElement root) =>
        new(
            new Webinar(
                Platform,
                eventId,
                Title(Text(root, "description") ?? Text(root, "eventname")),
                Date(root, "livestart"),
                Date(root, "liveend"),
                Text(root, "displaytimezonecd") is { } zone && WebinarTimeZones.IsKnown(zone) ? zone : null
            ),
            Text(root, "audienceurl") is { } url && WebinarAttendance.JoinUrlError(url) is null ? url : null
        );

    /// <summary>One of "registrants": the form's fields, "marketingemail" "Y" as consent to marketing email, and
    /// "createtimestamp" as when they registered.</summary>
    public static On24Registrant Registrant(JsonElement registrant) =>
        new(
            new LeadForm
            {
                Email = Text(registrant, "email"),
                FirstName = Text(registrant, "firstname"),
                LastName = Text(registrant, "lastname"),
                Company = Text(registrant, "company"),
                JobTitle = Text(registrant, "jobtitle"),
                Country = Text(registrant, "country"),
                Phone = Text(registrant, "workphone") ?? Text(registrant, "homephone"),
                Industry = Text(registrant, "companyindustry"),
                CompanySize = Text(registrant, "companysize"),
                ConsentEmail = Text(registrant, "marketingemail") is "Y" or "y" ? "yes" : null,
                UtmSource = Text(registrant, "utmsource"),
                UtmMedium = Text(registrant, "utmmedium"),
                UtmCampaign = Text(registrant, "utmcampaign"),
            },
            Date(registrant, "createtimestamp")
        );

    /// <summary>One of "attendees": when they first watched (live, else on demand) and their live plus on-demand
    /// minutes ("liveminutes", "archiveminutes"; ON24 rounds each to whole minutes), at most what a registration
    /// keeps.</summary>
    public static On24Attendee Attendee(JsonElement attendee)
    {
        var live = Minutes(attendee, "liveminutes");
        var archive = Minutes(attendee, "archiveminutes");
        return new On24Attendee(
            Text(attendee, "email"),
            Date(attendee, "firstliveactivity") ?? Date(attendee, "firstarchiveactivity"),
            live is null && archive is null
                ? null
                : Math.Min((live ?? 0) + (archive ?? 0), WebinarAttendance.MaxMinutes)
        );
    }

    /// <summary>A title we cannot show as plain text is left out rather than refusing everyone registered to
    /// it.</summary>
    private static string? Title(string? title) =>
        title is null ? null
        : title.Length > MaxTitleLength ? Title(title[..MaxTitleLength])
        : SafeText.IsPlain(title) ? title
        : null;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text.Trim() : null,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>ON24 writes times with their offset ("2015-05-19T11:01:42-07:00").</summary>
    private static DateTimeOffset? Date(JsonElement element, string name) =>
        DateTimeOffset.TryParse(
            Text(element, name),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var at
        )
            ? at
            : null;

    private static int? Minutes(JsonElement element, string name) =>
        int.TryParse(Text(element, name), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            ? minutes
            : null;
}
