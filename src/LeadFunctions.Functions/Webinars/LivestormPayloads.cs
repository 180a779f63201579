using System.Globalization;
using System.Text.Json;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Http;

namespace LeadFunctions.Functions.Webinars;

/// <summary>
/// Which fields of Livestorm's JSON:API-shaped events are the webinar and the person (docs/webinars/livestorm.md):
/// "data" is the resource (a person with its registrant_detail, or a session), "meta.webhook.event" the event's name.
/// A registration belongs to one session, so the session is the webinar here; times are Unix seconds.
/// </summary>
public static class LivestormPayloads
{
    public const string Platform = "livestorm";

    public const string PeopleRegistered = "people.registered";
    public const string PeopleAttended = "people.attended";
    public const string PeopleNotAttended = "people.not_attended";
    public const string SessionEnded = "session.ended";

    /// <summary>The events this webhook records; any other is acknowledged and ignored.</summary>
    public static readonly IReadOnlySet<string> Used = new HashSet<string>(StringComparer.Ordinal)
    {
        PeopleRegistered,
        PeopleAttended,
        PeopleNotAttended,
        SessionEnded,
    };

    /// <summary>The event's name: under the body's "meta", or under "data"'s own "meta" as some deliveries put
    /// it.</summary>
    public static string? EventName(JsonElement root) =>
        root.Child("meta").Child("webhook").Text("event")
        ?? root.Child("data").Child("meta").Child("webhook").Text("event");

    /// <summary>A team member (host, moderator) is in the webinar's people too, but is no lead.</summary>
    public static bool IsTeamMember(JsonElement root) => Person(root).Text("role") == "team_member";

    public static string? Email(JsonElement root) =>
        Person(root).Text("email") is { Length: > 0 } email ? email : Field(root, "email");

    /// <summary>The session a person registered for or attended (its title is not in a people event).</summary>
    public static Webinar PersonWebinar(JsonElement root) => new(Platform, Detail(root).Text("session_id"), null);

    /// <summary>A person's registration form: the attributes Livestorm fills, and the form's own fields by their
    /// ids for the rest.</summary>
    public static LeadForm Registrant(JsonElement root) =>
        new()
        {
            Email = Email(root),
            FirstName = Person(root).Text("first_name") ?? Field(root, "first_name"),
            LastName = Person(root).Text("last_name") ?? Field(root, "last_name"),
            Company = Field(root, "company"),
            JobTitle = Field(root, "job_title"),
            Phone = Field(root, "phone_number"),
        };

    /// <summary>The person's own link into the session.</summary>
    public static string? JoinUrl(JsonElement root) =>
        Detail(root).Text("connection_link") is { Length: > 0 } url ? url : null;

    /// <summary>How long the person attended: attendance_duration (seconds), to the nearest minute.</summary>
    public static int? Minutes(JsonElement root) =>
        int.TryParse(
            Detail(root).Text("attendance_duration"),
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out var seconds
        )
            ? (int)Math.Round(seconds / 60.0, MidpointRounding.AwayFromZero)
            : null;

    /// <summary>A session event's session: its name, times (the estimated start when it never started) and time
    /// zone.</summary>
    public static Webinar Session(JsonElement root)
    {
        var session = root.Child("data").Child("attributes");
        return new(
            Platform,
            root.Child("data").Text("id"),
            session.Text("name"),
            UnixSeconds(session.Text("started_at")) ?? UnixSeconds(session.Text("estimated_started_at")),
            UnixSeconds(session.Text("ended_at")),
            session.Text("timezone")
        );
    }

    /// <summary>When the person registered (or attended: the registration's last change), else null.</summary>
    public static DateTimeOffset? RegisteredAt(JsonElement root) => UnixSeconds(Detail(root).Text("created_at"));

    public static DateTimeOffset? UpdatedAt(JsonElement root) =>
        UnixSeconds(Detail(root).Text("updated_at")) ?? UnixSeconds(Person(root).Text("updated_at"));

    private static JsonElement Person(JsonElement root) => root.Child("data").Child("attributes");

    private static JsonElement Detail(JsonElement root) => Person(root).Child("registrant_detail");

    /// <summary>The value of the registration form's field <paramref name="id"/>, when it is text.</summary>
    private static string? Field(JsonElement root, string id)
    {
        var fields = Detail(root).Child("fields");
        if (fields.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var field in fields.EnumerateArray())
        {
            if (field.Text("id") == id)
            {
                return field.Text("value");
            }
        }

        return null;
    }

    /// <summary>Unix seconds; 0 (Livestorm's "never", as a session's canceled_at) is no time.</summary>
    private static DateTimeOffset? UnixSeconds(string? written) =>
        long.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds > 0
        && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
