using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Security;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Webinars;

/// <summary>A webinar as a platform names it, with its start when the platform says it.</summary>
public sealed record Webinar(string Platform, string? Id, string? Title, DateTimeOffset? StartsAt = null)
{
    /// <summary>
    /// The platform of a webinar sent through the generic webhook when it gives no plain name of its own.
    /// </summary>
    public const string UnnamedPlatform = "webinar";

    /// <summary>
    /// A platform's own name when it is a plain one (lowercase letters, digits, '-'; at most 30), else
    /// <see cref="UnnamedPlatform"/>.
    /// </summary>
    public static string PlatformNamed(string? name) =>
        name is { Length: > 0 and <= 30 } && name.All(IsPlain) ? name : UnnamedPlatform;

    private static bool IsPlain(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-';

    /// <summary>What its events carry: the start goes on to the enrollment a registration starts, for reminders
    /// timed relative to it (<see cref="EnrollmentDates"/>).</summary>
    public IReadOnlyDictionary<string, string> Detail()
    {
        var detail = new Dictionary<string, string>
        {
            ["platform"] = Platform,
            ["webinarId"] = Id ?? string.Empty,
            ["webinarTitle"] = Title ?? string.Empty,
        };
        if (StartsAt is { } startsAt)
        {
            detail[EnrollmentDates.WebinarStartsAt] = EnrollmentDates.Write(startsAt);
        }

        return detail;
    }

    /// <summary>The id of a registration: the same on every retry of the platform's delivery, so it is recorded
    /// once.</summary>
    public string RegistrationId(string? email) =>
        StableId.From(Platform, Id, "registered", email?.Trim().ToLowerInvariant());

    /// <summary>The id of an attendance, for the attendee's normalized email; the same on every retry.</summary>
    public string AttendanceId(string normalizedEmail) => StableId.From(Platform, Id, "attended", normalizedEmail);

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
            errors["webinarId"] = ["1 to 100 letters, digits, '-', '_', '.' or '@'."];
        }

        if (Title is { } title && (title.Length > 300 || !SafeText.IsPlain(title)))
        {
            errors["webinarTitle"] = ["At most 300 characters, without control characters, '<' or '>'."];
        }

        return errors.Count == 0 ? null : errors;
    }
}
