using System.Security.Cryptography;
using System.Text;

namespace LeadFunctions.Core.Security;

/// <summary>
/// A secret a platform presents as it is, not as a signature (Livestorm signs nothing: its address carries the
/// secret). Compared by their SHA-256 digests in constant time, so neither the content nor the length of the
/// secret shows in how long a refusal takes.
/// </summary>
public static class SharedSecret
{
    /// <summary>Unset expected secret: nothing matches.</summary>
    public static bool Matches(string? expected, string? presented) =>
        !string.IsNullOrEmpty(expected)
        && presented is not null
        && CryptographicOperations.FixedTimeEquals(Digest(expected), Digest(presented));

    private static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
