using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Nurture;

namespace LeadFunctions.Core.Tests.Nurture;

public sealed class NurtureBatchDeliveryTests
{
    private static readonly Campaign Welcome = NurtureWorld.Campaign("fair", ("welcome", TimeSpan.Zero));

    private static NurtureBatchDelivery Delivery(NurtureWorld world) =>
        new(world.NurtureSender, world.Queue, world.Pipeline.Ids);

    [Fact]
    public async Task DeliverAsync_FirstDelivery_SentAndEachOutcomeCounted()
    {
        var world = new NurtureWorld();
        world.Put(Welcome);
        await world.EnrollAsync(NurtureWorld.Lead("ayse@acme.com.tr"), Welcome);
        world.Pipeline.Time.Advance(TimeSpan.FromMinutes(1));
        await world.Scheduler.DispatchAsync(CancellationToken.None);
        var message = Assert.Single(world.Queue.Take());

        var delivered = await Delivery(world).DeliverAsync(message, 1, CancellationToken.None);

        Assert.Null(delivered.HandedOnAs);
        Assert.Equal(1, delivered.Count(NurtureSendOutcome.Sent));
        Assert.Single(world.Email.Sent);
    }

    [Fact]
    public async Task DeliverAsync_DeliveredAgain_HandedOnInHalvesThatOwnItsClaims_NothingSent()
    {
        var world = new NurtureWorld();
        DueSend Due(string leadId) => new(leadId, "fair", "welcome", Pipeline.Start);
        var message = NurtureSendBatch.Of("d1", [Due("a"), Due("b")]);

        var delivered = await Delivery(world).DeliverAsync(message, 2, CancellationToken.None);

        var halves = world.Queue.Take();
        var (first, second) = delivered.HandedOnAs!.Value;
        Assert.Equal([first, second], halves.Select(h => h.DispatchId));
        Assert.All(halves, half => Assert.True(half.Owns("d1")));
        Assert.Equal(["a", "b"], halves.SelectMany(h => h.DueSends()).Select(s => s.LeadId));
        Assert.Empty(world.Email.Sent);
    }
}
