using LeadFunctions.Core.Randomness;

namespace LeadFunctions.Core.Tests.Randomness;

/// <summary>Chance that always comes out the same: <paramref name="value"/>, and hex digits all 'a'.</summary>
internal sealed class FixedRandom(double value) : IRandomSource
{
    public double NextDouble() => value;

    public string NextHex(int length) => new('a', length);
}
