using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Tests.Nurture;

namespace LeadFunctions.Core.Tests.Campaigns;

/// <summary>
/// The two reminders of a webinar, the day before at 10:00 and an hour before, in the person's zone, with the default
/// rules (a 24-hour gap between one person's emails): a morning webinar puts them less than a day apart.
/// </summary>
public sealed class WebinarReminderTests
{
    private static readonly TimeSpan Istanbul = TimeSpan.FromHours(3);

    /// <summary>Friday 27 November 2026, 10:00 in Istanbul (Pipeline.Start is Tuesday 24th, 12:00 there).</summary>
    private static readonly DateTimeOffset StartsAt = new(2026, 11, 27, 10, 0, 0, Istanbul);

    private static readonly Campaign Reminders = JourneyTests.Journey(
        "webinar",
        JourneyTests.Email("day-before") with
        {
            At = new StepAt(new TimeOnly(10, 0), [], EnrollmentDates.WebinarStartsAt, TimeSpan.FromDays(-1)),
        },
        JourneyTests.Email("hour-before") with
        {
            At = new StepAt(null, [], EnrollmentDates.WebinarStartsAt, TimeSpan.FromHours(-1)),
        }
    );

    [Theory]
    [InlineData("TR", "2026-11-26T10:00:00+03:00")]
    // 02:00 on the 27th in New York: the day before there is the 26th, at 10:00 New York time.
    [InlineData("US", "2026-11-26T10:00:00-05:00")]
    public async Task TheDayBeforeAt10InTheirZone_AndAnHourBefore_BothSent_TheGapAfterTheFirstHoldsNotTheSecond(
        string country,
        string dayBefore
    )
    {
        var world = new NurtureWorld();
        world.Put(Reminders);
        var email = $"kayit-{country.ToLowerInvariant()}@acme.com.tr";
        await world.EnrollAsync(NurtureWorld.Lead(email, country), Reminders, Dates());

        await world.RunForAsync(TimeSpan.FromDays(3), TimeSpan.FromMinutes(5));

        var enrollment = world.EnrollmentOf(LeadId.FromEmail(email), "webinar")!;
        Assert.Equal(
            (
                StepState.Sent,
                (DateTimeOffset?)DateTimeOffset.Parse(dayBefore, System.Globalization.CultureInfo.InvariantCulture)
            ),
            (enrollment.Step("day-before")!.State, enrollment.Step("day-before")!.SentAt)
        );
        Assert.Equal(
            (StepState.Sent, (DateTimeOffset?)StartsAt.AddHours(-1)),
            (enrollment.Step("hour-before")!.State, enrollment.Step("hour-before")!.SentAt)
        );
        Assert.Equal(2, world.SentTo(email).Count);
    }

    [Fact]
    public async Task RegisteredAfterTheDayBeforesTime_ItIsSkipped_TheHourBeforeStillSent()
    {
        var world = new NurtureWorld();
        world.Put(Reminders);
        world.Pipeline.Time.Advance(StartsAt.AddHours(-20) - world.Now);
        await world.EnrollAsync(NurtureWorld.Lead("gec@acme.com.tr"), Reminders, Dates());

        await world.RunForAsync(TimeSpan.FromDays(1), TimeSpan.FromMinutes(5));

        var enrollment = world.EnrollmentOf(LeadId.FromEmail("gec@acme.com.tr"), "webinar")!;
        Assert.Equal(StepState.Skipped, enrollment.Step("day-before")!.State);
        Assert.Equal(StartsAt.AddHours(-1), enrollment.Step("hour-before")!.SentAt);
        Assert.Equal(1, world.Pipeline.Stats.Count("webinar", CampaignMetric.Missed, "day-before"));
        Assert.Equal(["hour-before"], world.SentTo("gec@acme.com.tr").Select(m => m.Subject.Split(' ')[0]));
    }

    [Fact]
    public async Task AnotherCampaignsEmailAnHourBefore_StillHoldsTheReminder_Missed()
    {
        var world = new NurtureWorld();
        world.Put(Reminders);
        world.Pipeline.Time.Advance(StartsAt.AddHours(-20) - world.Now);
        var lead = NurtureWorld.Lead("baska@acme.com.tr") with { LastNurtureAt = world.Now };
        await world.EnrollAsync(lead, Reminders, Dates());

        await world.RunForAsync(TimeSpan.FromDays(1), TimeSpan.FromMinutes(5));

        Assert.Empty(world.SentTo("baska@acme.com.tr"));
        Assert.Equal(
            [("day-before", StepState.Skipped), ("hour-before", StepState.Skipped)],
            world.EnrollmentOf(lead.Id, "webinar")!.Steps.Select(s => (s.StepId, s.State))
        );
    }

    private static Dictionary<string, DateTimeOffset> Dates() => new() { [EnrollmentDates.WebinarStartsAt] = StartsAt };
}
