using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Tests.Nurture;

namespace LeadFunctions.Core.Tests.Campaigns;

/// <summary>A campaign that lets people enter again after a period, with a fake clock.</summary>
public sealed class ReentryTests
{
    private const string Ayse = "ayse@acme.com.tr";
    private static readonly string AyseId = LeadId.FromEmail(Ayse);

    private static readonly Campaign Pricing = NurtureWorld.Campaign(
        "pricing",
        ("welcome", TimeSpan.Zero),
        ("follow-up", TimeSpan.FromDays(1))
    ) with
    {
        Trigger = new CampaignTrigger { Events = [EventTypes.PricingPageView] },
        Reenter = new Reentry(TimeSpan.FromDays(30)),
    };

    [Fact]
    public async Task Reenter_AfterThePeriod_ANewEnrollment_ItsOwnSends_CountedAgain_TheOldOnesNeverResent()
    {
        var world = await WorldAsync(Pricing);
        await ViewPricingAsync(world, "v1");
        await world.RunForAsync(TimeSpan.FromDays(2));
        var first = world.EnrollmentOf(AyseId, "pricing")!;
        Assert.Equal((EnrollmentStatus.Completed, 0), (first.Status, first.Reentries));

        world.Pipeline.Time.Advance(TimeSpan.FromDays(29));
        await ViewPricingAsync(world, "v2");

        var again = world.EnrollmentOf(AyseId, "pricing")!;
        Assert.Equal((EnrollmentStatus.Active, 1, "welcome"), (again.Status, again.Reentries, again.NextStepId));
        Assert.Empty(again.Steps);
        await world.RunForAsync(TimeSpan.FromDays(2));

        Assert.Equal(["welcome", "follow-up", "welcome", "follow-up"], Steps(world));
        var sendIds = world.Email.Sent.Select(e => e.CustomArgs[MailCustomArgs.SendId]).ToList();
        Assert.Equal(4, sendIds.Distinct().Count());
        Assert.Equal(2, world.Pipeline.Stats.Count("pricing", CampaignMetric.Enrolled));
        Assert.Equal(2, world.Pipeline.Stats.Count("pricing", CampaignMetric.Sent, "welcome"));
        Assert.Contains(world.Pipeline.Store.Entries(AyseId), e => e.Id == "campaign|pricing|2|enrolled");
        Assert.Contains(world.Pipeline.Store.Entries(AyseId), e => e.Id == "campaign|pricing|enrolled");
    }

    [Fact]
    public async Task Reenter_BeforeThePeriod_OrWhileTheLastIsActive_OrNotAllowed_NoNewEnrollment()
    {
        var world = await WorldAsync(Pricing);
        await ViewPricingAsync(world, "v1");
        await world.RunForAsync(TimeSpan.FromDays(2));
        world.Pipeline.Time.Advance(TimeSpan.FromDays(20));
        await ViewPricingAsync(world, "v2");
        Assert.Equal(0, world.EnrollmentOf(AyseId, "pricing")!.Reentries);

        var longOne = Pricing with
        {
            Id = "long",
            Steps = [.. Pricing.Steps, .. NurtureWorld.Campaign("x", ("much-later", TimeSpan.FromDays(300))).Steps],
        };
        var onceOnly = Pricing with { Id = "once", Reenter = null };
        var other = await WorldAsync(longOne, onceOnly);
        await ViewPricingAsync(other, "v1");
        await other.RunForAsync(TimeSpan.FromDays(2));
        other.Pipeline.Time.Advance(TimeSpan.FromDays(60));
        await ViewPricingAsync(other, "v2");

        Assert.Equal(
            (EnrollmentStatus.Active, 0),
            (other.EnrollmentOf(AyseId, "long")!.Status, other.EnrollmentOf(AyseId, "long")!.Reentries)
        );
        Assert.Equal(0, other.EnrollmentOf(AyseId, "once")!.Reentries);
        Assert.Equal(1, other.Pipeline.Stats.Count("once", CampaignMetric.Enrolled));
    }

    [Fact]
    public async Task Reenter_AnEventAboutTheOldEnrollmentsEmail_MarksNothingOnTheNewOne()
    {
        var world = await WorldAsync(Pricing);
        await ViewPricingAsync(world, "v1");
        await world.RunForAsync(TimeSpan.FromDays(2));
        var oldSend = world.Email.Sent[0].CustomArgs[MailCustomArgs.SendId];
        world.Pipeline.Time.Advance(TimeSpan.FromDays(31));
        await ViewPricingAsync(world, "v2");
        await world.TickAsync();

        await world.Pipeline.Recorder.RecordAsync(
            new SendGridEvent
            {
                EventId = "open-1",
                Type = "open",
                At = world.Now,
                Email = Ayse,
                LeadId = AyseId,
                SendId = oldSend,
                Campaign = "pricing",
                Step = "welcome",
                Kind = MailCustomArgs.NurtureKind,
            },
            default
        );

        Assert.False(world.EnrollmentOf(AyseId, "pricing")!.Step("welcome")!.Opened);
    }

    private static async Task<NurtureWorld> WorldAsync(params Campaign[] campaigns)
    {
        var world = new NurtureWorld();
        foreach (var campaign in campaigns)
        {
            world.Put(campaign);
        }

        var lead = NurtureWorld.Lead(Ayse);
        await world.Pipeline.Updater.UpdateAsync(
            lead.Id,
            s => Task.FromResult<LeadChange?>(LeadChange.Updated(s.Lead ?? lead, s.ETag)),
            CancellationToken.None
        );
        return world;
    }

    private static Task<UpdateOutcome> ViewPricingAsync(NurtureWorld world, string id) =>
        world.Pipeline.Engagement.ProcessAsync(
            world.Pipeline.Event(id, EventTypes.PricingPageView, Ayse),
            CancellationToken.None
        );

    private static List<string> Steps(NurtureWorld world) =>
        [.. world.Email.Sent.Select(e => e.CustomArgs[MailCustomArgs.Step])];
}
