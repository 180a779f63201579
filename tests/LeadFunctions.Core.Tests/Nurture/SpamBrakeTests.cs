using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Tests.Nurture;

public sealed class SpamBrakeTests
{
    [Theory]
    [InlineData(499, 10, false)] // too few deliveries to say
    [InlineData(500, 1, false)] // 0.2 % is not past 0.2 %
    [InlineData(500, 2, true)]
    [InlineData(10_000, 20, false)]
    [InlineData(10_000, 21, true)]
    public void Trips_PastTheRate_WithEnoughDeliveries(long deliveries, long spamReports, bool trips) =>
        Assert.Equal(trips, SpamBrakeRules.Default.Trips(deliveries, spamReports));

    [Fact]
    public async Task CheckAsync_PastTheRate_PausesSayingWhy_OnceOnly_AResumeClearsIt()
    {
        var world = new NurtureWorld();
        world.Put(NurtureWorld.Campaign("fair", ("welcome", TimeSpan.Zero)));
        var brake = new SpamBrake(world.Pipeline.Stats, world.Switch, SpamBrakeRules.Default, world.Pipeline.Time);
        await world.Pipeline.Stats.AddAsync(
            [
                new StatDelta("fair", "welcome", CampaignMetric.Delivered, 600),
                new StatDelta("fair", "welcome", CampaignMetric.SpamReports, 1),
            ],
            default
        );
        Assert.Null(await brake.CheckAsync("fair", default));

        await world.Pipeline.Stats.AddAsync([new StatDelta("fair", "welcome", CampaignMetric.SpamReports, 1)], default);
        var trip = await brake.CheckAsync("fair", default);

        Assert.Equal((2L, 600L), (trip?.SpamReports, trip?.Deliveries));
        var paused = await world.Pipeline.Campaigns.GetAsync("fair", default);
        Assert.Equal((false, trip), (paused!.Active, paused.SpamBrake));
        Assert.Null(await brake.CheckAsync("fair", default)); // paused already: nothing more to say

        await world.Switch.PauseAsync("fair", default); // a person pausing it too keeps why
        Assert.Equal(trip, (await world.Pipeline.Campaigns.GetAsync("fair", default))!.SpamBrake);
        await world.Switch.ResumeAsync("fair", MissedSends.Send, default);
        var resumed = await world.Pipeline.Campaigns.GetAsync("fair", default);
        Assert.Equal((true, null), (resumed!.Active, resumed.SpamBrake));
    }
}
