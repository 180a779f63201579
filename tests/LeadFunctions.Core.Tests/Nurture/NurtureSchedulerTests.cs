using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Core.Tests.Randomness;
using Microsoft.Extensions.Time.Testing;

namespace LeadFunctions.Core.Tests.Nurture;

public sealed class NurtureSchedulerTests
{
    [Theory]
    [InlineData(1, 16)]
    [InlineData(256, 16)]
    [InlineData(333, 21)]
    [InlineData(2_400, 150)]
    [InlineData(8_000, 500)]
    public void SendsPerMessage_ARunSpreadOverOneHostsBatch_AtLeast16(int due, int expected) =>
        Assert.Equal(expected, NurtureScheduler.SendsPerMessage(due));

    [Fact]
    public async Task DispatchAsync_333Due_GoInSixteenMessages_EarliestDueFirst_EachSendOnce_AndLeaveTheIndex()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var index = new RecordingDueSendIndex();
        var due = Enumerable
            .Range(0, 333)
            .Select(i => new DueSend($"lead{i:D3}", "fair", "welcome", time.GetUtcNow().AddSeconds(-i % 60)))
            .ToList();
        await index.AddAsync(
            [.. due, new DueSend("later", "fair", "welcome", time.GetUtcNow().AddMinutes(5))],
            CancellationToken.None
        );
        var queue = new RecordingSendQueue();

        var scheduler = new NurtureScheduler(index, queue, new InMemoryCampaignCatalog(), time, new SequentialIds());
        Assert.Equal(333, await scheduler.DispatchAsync(CancellationToken.None));

        var messages = queue.Take();
        Assert.Equal(NurtureScheduler.MessagesPerRun, messages.Count);
        Assert.Equal(
            due.Select(d => d.LeadId).Order(),
            messages.SelectMany(m => m.DueSends()).Select(s => s.LeadId).Order()
        );
        Assert.Equal(Enumerable.Range(1, 16).Select(SequentialIds.Nth), messages.Select(m => m.DispatchId).Order());
        var sixteenthDue = due.Select(d => d.DueAt).Order().ElementAt(NurtureScheduler.MessagesPerRun - 1);
        Assert.All(messages, m =>
            Assert.True(m.DueSends()[0].DueAt <= sixteenthDue, "each message starts with one of the run's earliest due")
        );
        Assert.All(messages, m =>
            Assert.Equal(m.DueSends().Select(s => s.DueAt).Order(), m.DueSends().Select(s => s.DueAt))
        );
        var left = new List<IndexedDueSend>();
        await foreach (var page in index.ReadDueAsync(time.GetUtcNow().AddMinutes(10), CancellationToken.None))
        {
            left.AddRange(page);
        }

        Assert.Equal("later", Assert.Single(left).Send.LeadId);
    }
}
