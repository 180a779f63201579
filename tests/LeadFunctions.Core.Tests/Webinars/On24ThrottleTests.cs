using LeadFunctions.Core.Webinars;

namespace LeadFunctions.Core.Tests.Webinars;

public class On24ThrottleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void After_NoHint_FiveMinutesThenDoubledForEachRateLimitedRunInARow()
    {
        var first = On24Throttle.None.After(null, Now);
        var second = first.After(null, Now);
        var third = second.After(null, Now);

        Assert.Equal(
            [Now.AddMinutes(5), Now.AddMinutes(10), Now.AddMinutes(20)],
            [first.NotBefore, second.NotBefore, third.NotBefore]
        );
        Assert.Equal(3, third.Strikes);
    }

    [Fact]
    public void After_On24sRetryAfter_KeptWhenLongerThanTheBackoff_NeverBeyondSixHours()
    {
        Assert.Equal(Now.AddHours(1), On24Throttle.None.After(TimeSpan.FromHours(1), Now).NotBefore);
        Assert.Equal(Now.AddMinutes(5), On24Throttle.None.After(TimeSpan.FromSeconds(30), Now).NotBefore);
        Assert.Equal(Now.AddHours(6), On24Throttle.None.After(TimeSpan.FromDays(2), Now).NotBefore);
        Assert.Equal(Now.AddHours(6), new On24Throttle(Now, 40).After(null, Now).NotBefore);
    }
}
