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

    [Fact]
    public async Task DispatchAsync_SendsDueBeforeTheLookAhead_QueuedToBeSeenAtTheirDueSecond_LaterOnesLeft()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, 300, TimeSpan.Zero));
        var now = time.GetUtcNow();
        var index = new RecordingDueSendIndex();
        DueSend Due(string lead, double seconds) => new(lead, "fair", "welcome", now.AddSeconds(seconds));
        await index.AddAsync(
            [
                .. Enumerable.Range(0, 20).Select(i => Due($"overdue{i:D2}", -30 + i)),
                Due("in-0.2s", 0.2),
                Due("in-0.7s", 0.7),
                Due("in-4.5s", 4.5),
                Due("in-9.9s", 9.9),
                Due("in-10.5s", 10.5),
            ],
            CancellationToken.None
        );
        var queue = new RecordingSendQueue();

        var scheduler = new NurtureScheduler(index, queue, new InMemoryCampaignCatalog(), time, new SequentialIds());
        Assert.Equal(24, await scheduler.DispatchAsync(CancellationToken.None));

        var seen = queue
            .Queued.SelectMany(q => q.Batch.DueSends().Select(s => (s.LeadId, q.VisibleAfter.TotalSeconds)))
            .ToDictionary(p => p.LeadId, p => p.TotalSeconds);
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal(0, seen[$"overdue{i:D2}"]));
        Assert.Equal((2, 2, 6, 10), (seen["in-0.2s"], seen["in-0.7s"], seen["in-4.5s"], seen["in-9.9s"]));
        Assert.Equal(2, queue.Queued.Count(q => q.VisibleAfter == TimeSpan.Zero)); // 20 overdue: 16 a message at least
        Assert.Single(queue.Queued, q => q.VisibleAfter == TimeSpan.FromSeconds(2));
        var left = new List<IndexedDueSend>();
        await foreach (var page in index.ReadDueAsync(now.AddMinutes(10), CancellationToken.None))
        {
            left.AddRange(page);
        }

        Assert.Equal("in-10.5s", Assert.Single(left).Send.LeadId);
    }

    [Theory]
    [InlineData(-3.0, 0)]
    [InlineData(0.0, 0)]
    [InlineData(0.001, 2)]
    [InlineData(2.0, 2)]
    [InlineData(2.2, 4)]
    public void VisibleAfter_RoundedUpToWholeSlots_NothingForWhatIsDue(double dueIn, int seconds)
    {
        var now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(seconds), NurtureScheduler.VisibleAfter(now.AddSeconds(dueIn), now));
    }
}
