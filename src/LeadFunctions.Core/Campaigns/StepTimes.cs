using System.Globalization;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// When an email step falls due: after its delay, or at the time people mean (<see cref="StepAt"/>) in the person's
/// own zone. DST-safe: a time in a spring-forward gap moves to the first valid minute after it, one in a repeated
/// autumn hour takes its first occurrence.
/// </summary>
public static class StepTimes
{
    /// <summary>How late a step timed relative to a date may still go when something held it (the gap between one
    /// person's emails, the send window, a pause): later than that, it is missed.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The step's due time for an enrollment that reached it at <paramref name="reached"/> (its delay counts from
    /// there); null when it is timed relative to a date the enrollment does not carry. The person's zone is asked for
    /// only by a step with a time people mean.
    /// </summary>
    public static DateTimeOffset? DueAt(
        CampaignStep step,
        DateTimeOffset reached,
        Enrollment enrollment,
        Func<TimeZoneInfo> zoneOf
    )
    {
        if (step.At is not { } at)
        {
            return reached + step.Delay;
        }

        var zone = zoneOf();

        if (at.RelativeTo is { } name)
        {
            if (enrollment.Dates is not { } dates || !dates.TryGetValue(name, out var date))
            {
                return null;
            }

            if (at.Time is not { } onTheDay)
            {
                return date + at.Offset;
            }

            // "The day before" is a day of the person's calendar, whatever a change of clocks does to its length.
            var day =
                at.Offset.Ticks % TimeSpan.TicksPerDay == 0
                    ? TimeZoneInfo.ConvertTime(date, zone).Date.AddDays(at.Offset.Days)
                    : TimeZoneInfo.ConvertTime(date + at.Offset, zone).Date;
            return OnOrAfter(day, onTheDay, at.Days, zone, null);
        }

        var start = reached + step.Delay;
        return OnOrAfter(TimeZoneInfo.ConvertTime(start, zone).Date, at.Time!.Value, at.Days, zone, start);
    }

    /// <summary>Whether a step timed relative to a date is past going at <paramref name="at"/>: its time (or its
    /// date) unknown, or more than <see cref="Grace"/> ago. Other steps are never too late.</summary>
    public static bool TooLate(
        CampaignStep step,
        Enrollment enrollment,
        Func<TimeZoneInfo> zoneOf,
        DateTimeOffset at
    ) => step.At?.RelativeTo is not null && (DueAt(step, at, enrollment, zoneOf) is not { } due || at > due + Grace);

    /// <summary>The local <paramref name="time"/> on <paramref name="date"/> or the first day after it that is one of
    /// <paramref name="days"/> (empty: any), not before <paramref name="notBefore"/>.</summary>
    private static DateTimeOffset OnOrAfter(
        DateTime date,
        TimeOnly time,
        IReadOnlyList<DayOfWeek> days,
        TimeZoneInfo zone,
        DateTimeOffset? notBefore
    )
    {
        for (var day = 0; day <= 8; day++)
        {
            var local = date.AddDays(day);
            if (days.Count > 0 && !days.Contains(local.DayOfWeek))
            {
                continue;
            }

            var instant = ToInstant(local + time.ToTimeSpan(), zone);
            if (notBefore is not { } earliest || instant >= earliest)
            {
                return instant;
            }
        }

        throw new InvalidOperationException("A time on days that never come.");
    }

    /// <summary>A local time in <paramref name="zone"/> as an instant.</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}

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
