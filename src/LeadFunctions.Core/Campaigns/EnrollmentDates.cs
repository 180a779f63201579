using System.Globalization;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// The dates an enrollment can carry, from the detail of the event that started it, for steps timed relative to
/// them (<see cref="StepAt.RelativeTo"/>).
/// </summary>
public static class EnrollmentDates
{
    /// <summary>When the webinar a registration is for starts (the webinar webhooks put it on
    /// webinar_registered).</summary>
    public const string WebinarStartsAt = "webinar.startsAt";

    public static readonly IReadOnlyList<string> Names = [WebinarStartsAt];

    /// <summary>The known dates <paramref name="events"/> carry (a later event's over an earlier one's); null when
    /// none does.</summary>
    public static IReadOnlyDictionary<string, DateTimeOffset>? From(IEnumerable<EngagementEvent> events)
    {
        var dates = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var engagementEvent in events.OrderBy(e => e.OccurredAt))
        {
            foreach (var name in Names)
            {
                if (
                    engagementEvent.Detail.GetValueOrDefault(name) is { } written
                    && DateTimeOffset.TryParse(written, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    && IsPlausible(date, engagementEvent.OccurredAt)
                )
                {
                    dates[name] = date;
                }
            }
        }

        return dates.Count == 0 ? null : dates;
    }

    /// <summary>Whether <paramref name="date"/> is one a webinar or the like can have, seen at <paramref name="now"/>:
    /// from a year before to two years after. Anything else is a mistake, and no step can be timed to it.</summary>
    public static bool IsPlausible(DateTimeOffset date, DateTimeOffset now) =>
        date >= now.AddYears(-1) && date <= now.AddYears(2);

    /// <summary>A date as event detail carries it.</summary>
    public static string Write(DateTimeOffset date) => date.ToString("O", CultureInfo.InvariantCulture);
}
