using System.Security.Cryptography;
using System.Text;

namespace LeadFunctions.Core.Leads;

/// <summary>
/// A lead's id is derived from its normalized email, so the intake answer can name the lead before it
/// is processed, every channel finds the same person with one point read, and two hosts processing
/// the same person at once collide on one key instead of creating two leads. The hash keeps the
/// address itself out of URLs, table keys and logs.
/// </summary>
public static class LeadId
{
    public const int Length = 32;

    public static string FromEmail(string normalizedEmail)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail), hash);
        return Convert.ToHexStringLower(hash[..(Length / 2)]);
    }

    public static bool IsWellFormed(string? id) => id is { Length: Length } && id.All(char.IsAsciiHexDigitLower);
}
