using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Core.Nurture;

/// <summary>
/// How often one person may get a nurture email (<c>Nurture:MinGapBetweenEmails</c>, across all campaigns), whether a
/// send left uncertain is tried once more when SendGrid has said nothing of it after a while
/// (<c>Nurture:ResendUnconfirmedAfter</c>, off when null), and how long a send that cannot go yet waits before it is
/// looked at again.
/// </summary>
public sealed record NurtureRules(TimeSpan MinGapBetweenEmails, TimeSpan? ResendUnconfirmedAfter = null)
{
    public static readonly NurtureRules Default = new(TimeSpan.FromHours(24));

    /// <summary>
    /// A send that gave way to a higher-priority campaign's due send looks again this soon: by then that email has
    /// gone (and the gap defers this one properly) or was itself moved, and this one may go.
    /// </summary>
    public static readonly TimeSpan PriorityRecheck = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A higher-priority campaign's send overdue by longer than this is not waited for: a due send goes out within
    /// minutes or is moved (rescheduled, failed, uncertain), so one this late is one nobody is sending, and it must
    /// not hold the person's other campaigns back.
    /// </summary>
    public static readonly TimeSpan RivalOverdueLimit = TimeSpan.FromHours(1);

    /// <summary>A send SendGrid did not take (429, 5xx), even after the sender's own retries, is tried again this much
    /// later.</summary>
    public static readonly TimeSpan UnavailableRecheck = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A person whose double opt-in is pending is looked at again this often until the confirmation link expires
    /// (<c>Consent:ConfirmationTtl</c>, counted from enrollment); then the enrollment stops.
    /// </summary>
    public static readonly TimeSpan PendingConsentRecheck = TimeSpan.FromHours(6);
}

/// <summary>
/// When a campaign's send window is open for a person, in their own time zone. Pure and DST-safe: an opening
/// that falls into a spring-forward gap moves to the first valid minute after it, one in a repeated autumn hour
/// takes its first occurrence.
/// </summary>
public static class SendWindows
{
    /// <summary><paramref name="at"/> itself when the window is open then (or there is none), else the window's next
    /// opening.</summary>
    public static DateTimeOffset NextOpening(SendWindow? window, TimeZoneInfo zone, DateTimeOffset at)
    {
        if (window is null || IsOpen(window, TimeZoneInfo.ConvertTime(at, zone).DateTime))
        {
            return at;
        }

        var today = TimeZoneInfo.ConvertTime(at, zone).Date;
        for (var day = 0; day <= 8; day++)
        {
            var date = today.AddDays(day);
            if (!OpensOn(window, date.DayOfWeek))
            {
                continue;
            }

            var opening = StepTimes.ToInstant(date + window.From.ToTimeSpan(), zone);
            if (opening > at)
            {
                return opening;
            }
        }

        // Unreachable for a window with at least one day; an empty window list means every day.
        throw new InvalidOperationException("A send window that never opens.");
    }

    /// <summary>
    /// Open from <see cref="SendWindow.From"/> (inclusive) to <see cref="SendWindow.To"/> (exclusive) on its days; a
    /// window whose end is before its start runs past midnight into the next day; equal ends mean all day.
    /// </summary>
    public static bool IsOpen(SendWindow window, DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        if (window.From == window.To)
        {
            return OpensOn(window, local.DayOfWeek);
        }

        if (window.From < window.To)
        {
            return OpensOn(window, local.DayOfWeek) && time >= window.From && time < window.To;
        }

        return (OpensOn(window, local.DayOfWeek) && time >= window.From)
            || (OpensOn(window, local.AddDays(-1).DayOfWeek) && time < window.To);
    }

    private static bool OpensOn(SendWindow window, DayOfWeek day) =>
        window.Days.Count == 0 || window.Days.Contains(day);
}
