using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Tests.Campaigns;

/// <summary>Times people mean, in the person's zone.</summary>
public sealed class StepTimesTests
{
    private static readonly TimeZoneInfo Istanbul = TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DayOfWeek[] Weekdays =
    [
        DayOfWeek.Monday,
        DayOfWeek.Tuesday,
        DayOfWeek.Wednesday,
        DayOfWeek.Thursday,
        DayOfWeek.Friday,
    ];

    private static readonly Enrollment Enrolled = new()
    {
        CampaignId = "c",
        EnrolledAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero),
        Reason = "manual",
        Dates = new Dictionary<string, DateTimeOffset>
        {
            // Tuesday 1 December 2026, 14:00 in Istanbul.
            [EnrollmentDates.WebinarStartsAt] = new(2026, 12, 1, 11, 0, 0, TimeSpan.Zero),
        },
    };

    private static CampaignStep Step(StepAt? at, TimeSpan delay = default) =>
        new()
        {
            Id = "s",
            Delay = delay,
            At = at,
        };

    [Fact]
    public void NextWeekdayAt10_OnAFridayEvening_IsMondayAt10InTheirZone()
    {
        // Friday 27 November 2026, 20:00 in Istanbul.
        var reached = new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.Zero);

        var due = StepTimes.DueAt(
            Step(new StepAt(new TimeOnly(10, 0), Weekdays, null, default)),
            reached,
            Enrolled,
            () => Istanbul
        );

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(3)), due);
    }

    [Fact]
    public void AtATimeAfterADelay_TheFirstSuchTimeOnceTheDelayHasPassed()
    {
        // Monday 30 November, 09:00 in Istanbul; P1D: Tuesday 09:00, so Tuesday at 10:00 (not Wednesday).
        var reached = new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

        var due = StepTimes.DueAt(
            Step(new StepAt(new TimeOnly(10, 0), [], null, default), TimeSpan.FromDays(1)),
            reached,
            Enrolled,
            () => Istanbul
        );

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(3)), due);
    }

    [Fact]
    public void TheDayBeforeTheWebinarAt10_InTheirZone_WhereverTheWebinarIs()
    {
        var dayBefore = Step(
            new StepAt(new TimeOnly(10, 0), [], EnrollmentDates.WebinarStartsAt, TimeSpan.FromDays(-1))
        );

        Assert.Equal(
            new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(3)),
            StepTimes.DueAt(dayBefore, DateTimeOffset.MinValue, Enrolled, () => Istanbul)
        );
        Assert.Equal(
            new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(1)),
            StepTimes.DueAt(dayBefore, DateTimeOffset.MinValue, Enrolled, () => Berlin)
        );
    }

    [Fact]
    public void AnHourBefore_NoTimeOfDay_TheInstant()
    {
        var hourBefore = Step(new StepAt(null, [], EnrollmentDates.WebinarStartsAt, TimeSpan.FromHours(-1)));

        Assert.Equal(
            new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
            StepTimes.DueAt(hourBefore, DateTimeOffset.MinValue, Enrolled, () => Istanbul)
        );
    }

    [Fact]
    public void RelativeToADateTheEnrollmentDoesNotCarry_Unknown_AndTooLate()
    {
        var undated = Enrolled with { Dates = null };
        var dayBefore = Step(
            new StepAt(new TimeOnly(10, 0), [], EnrollmentDates.WebinarStartsAt, TimeSpan.FromDays(-1))
        );

        Assert.Null(StepTimes.DueAt(dayBefore, DateTimeOffset.MinValue, undated, () => Istanbul));
        Assert.True(StepTimes.TooLate(dayBefore, undated, () => Istanbul, Enrolled.EnrolledAt));
    }

    [Fact]
    public void TooLate_OnlyAfterTheGrace_AndNeverForAStepNotTimedToADate()
    {
        var hourBefore = Step(new StepAt(null, [], EnrollmentDates.WebinarStartsAt, TimeSpan.FromHours(-1)));
        var due = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

        Assert.False(StepTimes.TooLate(hourBefore, Enrolled, () => Istanbul, due + StepTimes.Grace));
        Assert.True(
            StepTimes.TooLate(hourBefore, Enrolled, () => Istanbul, due + StepTimes.Grace + TimeSpan.FromSeconds(1))
        );
        Assert.False(StepTimes.TooLate(Step(null, TimeSpan.FromDays(2)), Enrolled, () => Istanbul, due.AddYears(1)));
    }

    [Fact]
    public void ATimeInTheSpringForwardGap_TheFirstValidMinuteAfterIt()
    {
        // Berlin skips 02:00-03:00 on 28 March 2027.
        var reached = new DateTimeOffset(2027, 3, 28, 0, 30, 0, TimeSpan.FromHours(1));

        var due = StepTimes.DueAt(Step(new StepAt(new TimeOnly(2, 30), [], null, default)), reached, Enrolled, () =>
            Berlin
        );

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 3, 0, 0, TimeSpan.FromHours(2)), due);
    }

    [Fact]
    public void TheDayBefore_AcrossAClockChange_IsTheCalendarDayBefore()
    {
        // Monday 29 March 2027, 00:30 in Berlin, the night after the clocks went forward: 24 hours before is still
        // Saturday evening, but the day before is Sunday.
        var enrollment = Enrolled with
        {
            Dates = new Dictionary<string, DateTimeOffset>
            {
                [EnrollmentDates.WebinarStartsAt] = new(2027, 3, 29, 0, 30, 0, TimeSpan.FromHours(2)),
            },
        };
        var dayBefore = Step(
            new StepAt(new TimeOnly(10, 0), [], EnrollmentDates.WebinarStartsAt, TimeSpan.FromDays(-1))
        );

        Assert.Equal(
            new DateTimeOffset(2027, 3, 28, 10, 0, 0, TimeSpan.FromHours(2)),
            StepTimes.DueAt(dayBefore, DateTimeOffset.MinValue, enrollment, () => Berlin)
        );
    }

    [Fact]
    public void AStepWithOnlyADelay_NeverAsksForTheZone()
    {
        // Working out a person's zone parses their phone number: only a time people mean needs it.
        Func<TimeZoneInfo> unasked = () => throw new InvalidOperationException("The zone was asked for.");
        var reached = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(reached.AddDays(2), StepTimes.DueAt(Step(null, TimeSpan.FromDays(2)), reached, Enrolled, unasked));
        Assert.False(StepTimes.TooLate(Step(null, TimeSpan.FromDays(2)), Enrolled, unasked, reached.AddYears(1)));
    }
}
