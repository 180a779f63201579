using LeadFunctions.Adapters.Randomness;
using LeadFunctions.Core.Leads;
using Microsoft.Extensions.Time.Testing;

namespace LeadFunctions.Adapters.Tests.Randomness;

/// <summary>The ids and chance the hosts run with.</summary>
public sealed class SystemRandomnessTests
{
    [Fact]
    public void NewId_AVersion7Guid_StampedWithTheInjectedClock()
    {
        var now = new DateTimeOffset(2026, 11, 24, 12, 0, 0, 123, TimeSpan.Zero);

        var id = new SystemIdGenerator(new FakeTimeProvider(now)).NewId();

        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(7, Guid.ParseExact(id, "N").Version);
        Assert.Equal(now.ToUnixTimeMilliseconds(), Convert.ToInt64(id[..12], 16));
    }

    [Fact]
    public void NextHex_LowercaseHexDigitsOfTheLength_NewEachTime()
    {
        var random = new SystemRandomSource();

        var first = random.NextHex(LeadId.Length);

        Assert.True(LeadId.IsWellFormed(first));
        Assert.NotEqual(first, random.NextHex(LeadId.Length));
    }

    [Fact]
    public void NextDouble_FromZeroUpToOne()
    {
        var random = new SystemRandomSource();

        Assert.All(Enumerable.Range(0, 1000).Select(_ => random.NextDouble()), d => Assert.True(d is >= 0 and < 1));
    }
}
