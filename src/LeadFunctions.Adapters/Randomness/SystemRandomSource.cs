using System.Security.Cryptography;
using LeadFunctions.Core.Randomness;

namespace LeadFunctions.Adapters.Randomness;

/// <summary>The shared generator for numbers; the cryptographic one for hex, which someone may try to guess.</summary>
public sealed class SystemRandomSource : IRandomSource
{
    public double NextDouble() => Random.Shared.NextDouble();

    public string NextHex(int length) => RandomNumberGenerator.GetHexString(length, lowercase: true);
}
