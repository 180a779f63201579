using LeadFunctions.Host.Queues;

namespace LeadFunctions.IntegrationTests.Runtime;

public class PollingBackoffTests
{
    private sealed class MidpointRandom : Random
    {
        public override double NextDouble() => 0.5;
    }

    [Fact]
    public void Next_WhileIdle_GrowsExponentiallyUpToTheMaximum()
    {
        var backoff = new PollingBackoff(TimeSpan.FromSeconds(2), new MidpointRandom());
        var delays = Enumerable.Range(0, 7).Select(_ => backoff.Next().TotalMilliseconds).ToArray();
        Assert.Equal([200, 300, 500, 900, 1700, 2000, 2000], delays);
    }

    [Fact]
    public void Next_FirstEmptyReceiveAfterMessages_IsTheMinimumThenGrowsAgain()
    {
        var backoff = new PollingBackoff(TimeSpan.FromSeconds(60), new MidpointRandom());
        backoff.Next();
        backoff.Next();
        backoff.MessagesSeen();
        backoff.MessagesSeen();
        Assert.Equal(PollingBackoff.Minimum, backoff.Next());
        Assert.Equal(200, backoff.Next().TotalMilliseconds);
        Assert.Equal(300, backoff.Next().TotalMilliseconds);
    }

    [Fact]
    public void Next_Jitter_StaysWithinTwentyPercent()
    {
        var backoff = new PollingBackoff(TimeSpan.FromMinutes(1), Random.Shared);
        for (var k = 1; k <= 8; k++)
        {
            var expected = 100 * Math.Pow(2, k - 1);
            Assert.InRange(backoff.Next().TotalMilliseconds, 100 + (expected * 0.8), 100 + (expected * 1.2));
        }
    }
}
