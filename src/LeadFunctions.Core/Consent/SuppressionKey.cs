using System.Security.Cryptography;
using System.Text;

namespace LeadFunctions.Core.Consent;

/// <summary>The suppression list's key: the SHA-256 of the normalized email, in lowercase hex (64
/// characters).</summary>
public static class SuppressionKey
{
    public const int Length = 64;

    public static string For(string normalizedEmail) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));

    public static bool IsWellFormed(string? hash) => hash is { Length: Length } && hash.All(char.IsAsciiHexDigitLower);
}
