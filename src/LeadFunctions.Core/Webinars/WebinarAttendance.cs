using System.Globalization;

namespace LeadFunctions.Core.Webinars;

/// <summary>What a registration carries besides the webinar, in its events' detail: the registrant's join URL and the
/// minutes attended.</summary>
public static class WebinarAttendance
{
    /// <summary>The detail name of the registrant's own link into the webinar, on webinar_registered.</summary>
    public const string JoinUrl = "joinUrl";

    /// <summary>The detail name of the minutes attended, on webinar_attended when the platform says them.</summary>
    public const string Minutes = "minutes";

    public const int MaxJoinUrlLength = 1000;

    /// <summary>Two days: longer than any webinar a platform runs.</summary>
    public const int MaxMinutes = 2880;

    /// <summary>Why <paramref name="joinUrl"/> cannot be kept (an absolute https URL of at most
    /// <see cref="MaxJoinUrlLength"/> characters), or null when it can or there is none.</summary>
    public static KeyValuePair<string, string[]>? JoinUrlError(string? joinUrl) =>
        joinUrl is null
        || joinUrl.Length <= MaxJoinUrlLength
            && Uri.TryCreate(joinUrl, UriKind.Absolute, out var uri)
            && uri.Scheme == Uri.UriSchemeHttps
            && !joinUrl.Any(char.IsControl)
            ? null
            : new(JoinUrl, [$"An https URL of at most {MaxJoinUrlLength} characters."]);

    /// <summary>Why <paramref name="minutes"/> cannot be kept, or null when they can or there are none.</summary>
    public static KeyValuePair<string, string[]>? MinutesError(int? minutes) =>
        minutes is null or (>= 0 and <= MaxMinutes)
            ? null
            : new(Minutes, [$"A whole number of minutes from 0 to {MaxMinutes}."]);

    public static string Write(int minutes) => minutes.ToString(CultureInfo.InvariantCulture);
}
