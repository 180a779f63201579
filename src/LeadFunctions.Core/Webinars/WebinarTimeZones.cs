namespace LeadFunctions.Core.Webinars;

/// <summary>The time zones a webinar may name: IANA ids ("Europe/Istanbul", "UTC") the system knows.</summary>
public static class WebinarTimeZones
{
    public static bool IsKnown(string id) =>
        id.Length is > 0 and <= 64
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+')
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId;
}
