using System.Globalization;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Webinars;

/// <summary>Where a registration stands.</summary>
public enum RegistrationStatus
{
    Registered,
    Attended,

    /// <summary>Registered, and the webinar ended without them.</summary>
    NoShow,
}

/// <summary>
/// One person's registration for a webinar, as its events tell it: registered (with their join URL), attended (with
/// the minutes, when the platform says them) or a no-show once the webinar ended. Attendance reported after the end
/// still counts: attended wins over no-show. As an update (<see cref="From"/>) only the fields one event tells are
/// set.
/// </summary>
public sealed record Registration(
    Webinar Webinar,
    string LeadId,
    DateTimeOffset? RegisteredAt = null,
    string? JoinUrl = null,
    DateTimeOffset? AttendedAt = null,
    int? Minutes = null,
    DateTimeOffset? MissedAt = null
)
{
    public RegistrationStatus Status =>
        AttendedAt is not null ? RegistrationStatus.Attended
        : MissedAt is not null ? RegistrationStatus.NoShow
        : RegistrationStatus.Registered;

    /// <summary>Registered and neither attended nor known a no-show yet: the webinar's end makes them one.</summary>
    public bool AwaitsEnd => RegisteredAt is not null && AttendedAt is null && MissedAt is null;

    /// <summary>What a webinar event tells of its lead's registration; null for any other event.</summary>
    public static Registration? From(EngagementEvent engagementEvent) =>
        Webinar.FromDetail(engagementEvent.Detail) is not { } webinar
            ? null
            : engagementEvent.Type switch
            {
                EventTypes.WebinarRegistered => new Registration(
                    webinar,
                    engagementEvent.LeadId,
                    RegisteredAt: engagementEvent.OccurredAt,
                    JoinUrl: engagementEvent.Detail.GetValueOrDefault(WebinarAttendance.JoinUrl)
                ),
                EventTypes.WebinarAttended => new Registration(
                    webinar,
                    engagementEvent.LeadId,
                    AttendedAt: engagementEvent.OccurredAt,
                    Minutes: int.TryParse(
                        engagementEvent.Detail.GetValueOrDefault(WebinarAttendance.Minutes),
                        NumberStyles.None,
                        CultureInfo.InvariantCulture,
                        out var minutes
                    )
                        ? minutes
                        : null
                ),
                EventTypes.WebinarMissed => new Registration(
                    webinar,
                    engagementEvent.LeadId,
                    MissedAt: engagementEvent.OccurredAt
                ),
                _ => null,
            };

    /// <summary>
    /// A webinar event as the lead's timeline says it: its type and platform, then the webinar and what the event
    /// tells of the registration ("webinar_registered via zoom: Product tour (812), starts 2026-11-02 09:30 UTC, join
    /// https://…"); null for any other event.
    /// </summary>
    public static string? Summary(EngagementEvent engagementEvent)
    {
        if (From(engagementEvent) is not { } told)
        {
            return null;
        }

        var webinar = told.Webinar;
        var parts = new List<string> { webinar.Title is null ? webinar.Id! : $"{webinar.Title} ({webinar.Id})" };
        if (webinar.StartsAt is { } startsAt)
        {
            parts.Add($"starts {Written(startsAt)}{(webinar.TimeZone is { } zone ? $" ({zone})" : string.Empty)}");
        }

        if (told.JoinUrl is { } joinUrl)
        {
            parts.Add($"join {joinUrl}");
        }

        if (told.Minutes is { } minutes)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{minutes} min attended"));
        }

        if (told.MissedAt is not null)
        {
            parts.Add($"no-show, ended {Written(webinar.EndsAt ?? told.MissedAt.Value)}");
        }

        return $"{engagementEvent.Type} via {webinar.Platform}: {string.Join(", ", parts)}";
    }

    private static string Written(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A lead's registrations from their events, a webinar each, the latest webinar first.</summary>
    public static IReadOnlyList<Registration> Of(IEnumerable<EngagementEvent> events) =>
        [
            .. events
                .OrderBy(e => e.OccurredAt)
                .Select(From)
                .OfType<Registration>()
                .GroupBy(r => (r.Webinar.Platform, r.Webinar.Id))
                .Select(g => g.Aggregate((a, b) => a.With(b)))
                .OrderByDescending(r => r.Webinar.StartsAt ?? r.RegisteredAt ?? r.AttendedAt ?? r.MissedAt),
        ];

    /// <summary>This registration with what a later <paramref name="update"/> tells: its fields where it has them (as
    /// the table's merge writes them).</summary>
    public Registration With(Registration update) =>
        new(
            update.Webinar.Or(Webinar),
            LeadId,
            update.RegisteredAt ?? RegisteredAt,
            update.JoinUrl ?? JoinUrl,
            update.AttendedAt ?? AttendedAt,
            update.Minutes ?? Minutes,
            update.MissedAt ?? MissedAt
        );
}

/// <summary>
/// The registrations of each webinar (docs/storage.md, WebinarRegistrations): written from the lead changes that
/// record webinar events, read page by page when the webinar ends.
/// </summary>
public interface IWebinarRegistrations
{
    /// <summary>Writes the fields each update has into its registration (created when missing), leaving the
    /// others; the updates of one webinar together.</summary>
    Task RecordAsync(IReadOnlyList<Registration> updates, CancellationToken cancellationToken);

    /// <summary>A page of <paramref name="webinar"/>'s registrations from <paramref name="continuationToken"/> (the
    /// first without one), and the token of the next page (null after the last).</summary>
    Task<(IReadOnlyList<Registration> Page, string? Next)> ReadPageAsync(
        Webinar webinar,
        string? continuationToken,
        CancellationToken cancellationToken
    );
}
