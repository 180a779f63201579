using LeadFunctions.Core.Randomness;

namespace LeadFunctions.Core.Tests.Randomness;

/// <summary>Ids a test can name: 32 hex digits counting up from 1, in the order they are asked for.</summary>
internal sealed class SequentialIds : IIdGenerator
{
    private int last;

    public static string Nth(int n) => n.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    public string NewId() => Nth(Interlocked.Increment(ref last));
}
