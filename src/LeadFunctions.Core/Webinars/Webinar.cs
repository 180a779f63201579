using System.Globalization;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Security;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Webinars;

/// <summary>
/// A webinar as a platform names it, with its start, end and time zone (an IANA id such as "Europe/Istanbul") when
/// the platform says them.
/// </summary>
public sealed record Webinar(
    string Platform,
    string? Id,
    string? Title,
    DateTimeOffset? StartsAt = null,
    DateTimeOffset? EndsAt = null,
    string? TimeZone = null
)
{
    /// <summary>
    /// The platform of a webinar sent through the generic webhook when it gives no plain name of its own.
    /// </summary>
    public const string UnnamedPlatform = "webinar";

    /// <summary>The detail names of what a webinar's events carry besides its start.</summary>
    public const string PlatformDetail = "platform";

    public const string IdDetail = "webinarId";

    public const string TitleDetail = "webinarTitle";

    public const string EndsAtDetail = "webinarEndsAt";

    public const string TimeZoneDetail = "webinarTimeZone";

    /// <summary>
    /// A platform's own name when it is a plain one (lowercase letters, digits, '-'; at most 30), else
    /// <see cref="UnnamedPlatform"/>.
    /// </summary>
    public static string PlatformNamed(string? name) =>
        name is { Length: > 0 and <= 30 } && name.All(IsPlain) ? name : UnnamedPlatform;

    private static bool IsPlain(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-';

    /// <summary>What its events carry: the start goes on to the enrollment a registration starts, for reminders
    /// timed relative to it (<see cref="EnrollmentDates"/>).</summary>
    public Dictionary<string, string> Detail()
    {
        var detail = new Dictionary<string, string>
        {
            [PlatformDetail] = Platform,
            [IdDetail] = Id ?? string.Empty,
            [TitleDetail] = Title ?? string.Empty,
        };
        if (StartsAt is { } startsAt)
        {
            detail[EnrollmentDates.WebinarStartsAt] = EnrollmentDates.Write(startsAt);
        }

        if (EndsAt is { } endsAt)
        {
            detail[EndsAtDetail] = EnrollmentDates.Write(endsAt);
        }

        if (TimeZone is { } timeZone)
        {
            detail[TimeZoneDetail] = timeZone;
        }

        return detail;
    }

    /// <summary>The id of a registration: the same on every retry of the platform's delivery, so it is recorded
    /// once.</summary>
    public string RegistrationId(string? email) =>
        StableId.From(Platform, Id, "registered", email?.Trim().ToLowerInvariant());

    /// <summary>The id of an attendance, for the attendee's normalized email; the same on every retry.</summary>
    public string AttendanceId(string normalizedEmail) => StableId.From(Platform, Id, "attended", normalizedEmail);

    /// <summary>The id of a registrant's no-show, for their lead id: the same however often the webinar's end
    /// arrives, so it is recorded once.</summary>
    public string NoShowId(string leadId) => StableId.From(Platform, Id, "missed", leadId);

    /// <summary>This webinar, with what it does not say (title, start, end, time zone) taken from
    /// <paramref name="other"/>.</summary>
    public Webinar Or(Webinar other) =>
        this with
        {
            Title = Title ?? other.Title,
            StartsAt = StartsAt ?? other.StartsAt,
            EndsAt = EndsAt ?? other.EndsAt,
            TimeZone = TimeZone ?? other.TimeZone,
        };

    /// <summary>The webinar an event's <see cref="Detail"/> names, or null when it names none (not a webinar's
    /// event).</summary>
    public static Webinar? FromDetail(IReadOnlyDictionary<string, string> detail) =>
        detail.GetValueOrDefault(PlatformDetail) is { Length: > 0 } platform
        && detail.GetValueOrDefault(IdDetail) is { Length: > 0 } id
            ? new Webinar(
                platform,
                id,
                detail.GetValueOrDefault(TitleDetail) is { Length: > 0 } title ? title : null,
                DateIn(detail, EnrollmentDates.WebinarStartsAt),
                DateIn(detail, EndsAtDetail),
                detail.GetValueOrDefault(TimeZoneDetail)
            )
            : null;

    private static DateTimeOffset? DateIn(IReadOnlyDictionary<string, string> detail, string name) =>
        DateTimeOffset.TryParse(
            detail.GetValueOrDefault(name),
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var date
        )
            ? date
            : null;

    /// <summary>Ids and titles end up in table rows and on screens: short, printable, no markup.</summary>
    public IReadOnlyDictionary<string, string[]>? Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (
            string.IsNullOrWhiteSpace(Id)
            || Id.Length > 100
            || !Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@')
        )
        {
            // '@': a Teams webinar's id is "{guid}@{tenant guid}".
            errors[IdDetail] = ["1 to 100 letters, digits, '-', '_', '.' or '@'."];
        }

        if (Title is { } title && (title.Length > 300 || !SafeText.IsPlain(title)))
        {
            errors[TitleDetail] = ["At most 300 characters, without control characters, '<' or '>'."];
        }

        if (TimeZone is { } timeZone && !WebinarTimeZones.IsKnown(timeZone))
        {
            errors[TimeZoneDetail] = ["An IANA time zone such as \"Europe/Istanbul\"."];
        }

        return errors.Count == 0 ? null : errors;
    }
}
