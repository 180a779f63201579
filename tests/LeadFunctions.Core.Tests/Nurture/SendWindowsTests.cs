using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Nurture;

namespace LeadFunctions.Core.Tests.Nurture;

public class SendWindowsTests
{
    private static readonly SendWindow Weekdays = new(
        new TimeOnly(9, 0),
        new TimeOnly(18, 0),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]
    );
    private static readonly TimeZoneInfo Istanbul = TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void NextOpening_OneInstant_OpenInIstanbul_ClosedInNewYork()
    {
        var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero); // Tue 12:00 in Istanbul, 04:00 in New York

        Assert.Equal(at, SendWindows.NextOpening(Weekdays, Istanbul, at));
        Assert.Equal(
            new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero),
            SendWindows.NextOpening(Weekdays, NewYork, at)
        );
    }

    [Fact]
    public void NextOpening_FridayEvening_MovesToMondayMorning()
    {
        var friday = new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero); // 19:00 in Istanbul

        Assert.Equal(
            new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero),
            SendWindows.NextOpening(Weekdays, Istanbul, friday)
        );
    }

    [Fact]
    public void NextOpening_AcrossTheSpringDstChange_OpensAtNineLocalTime()
    {
        // Saturday 7 March 2026 20:00 in New York (EST); clocks go forward on Sunday 8 March; Monday 9:00 is EDT
        // (UTC-4).
        var saturday = new DateTimeOffset(2026, 3, 8, 1, 0, 0, TimeSpan.Zero);

        Assert.Equal(
            new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero),
            SendWindows.NextOpening(Weekdays, NewYork, saturday)
        );
    }

    [Fact]
    public void NextOpening_OpeningInsideTheSkippedHour_MovesToTheFirstValidMinute()
    {
        var night = new SendWindow(new TimeOnly(2, 30), new TimeOnly(5, 0), []);
        // 01:00 EST, 8 March; 02:00–03:00 does not exist that night
        var before = new DateTimeOffset(2026, 3, 8, 6, 0, 0, TimeSpan.Zero);

        Assert.Equal(
            new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero),
            SendWindows.NextOpening(night, NewYork, before)
        ); // 03:00 EDT
    }

    [Fact]
    public void NextOpening_NoWindow_IsNow()
    {
        var at = new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero);

        Assert.Equal(at, SendWindows.NextOpening(null, NewYork, at));
    }
}
