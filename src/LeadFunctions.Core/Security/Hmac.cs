using System.Security.Cryptography;
using System.Text;

namespace LeadFunctions.Core.Security;

/// <summary>HMAC-SHA256 as webhooks use it: hex digests, compared in constant time.</summary>
public static class Hmac
{
    public static string Sha256Hex(string secret, ReadOnlySpan<byte> data) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));

    /// <summary>Case-insensitive hex comparison that takes the same time whatever the input.</summary>
    public static bool HexEquals(string expected, string? presented)
    {
        if (presented is null)
        {
            return false;
        }

        var a = Encoding.ASCII.GetBytes(expected.ToLowerInvariant());
        var b = Encoding.ASCII.GetBytes(presented.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    /// <summary>
    /// Whether <paramref name="presented"/> is HMAC-SHA256(secret, data) written in base64 or in hex, compared in
    /// constant time; anything that decodes as neither is a mismatch.
    /// </summary>
    public static bool Sha256Equals(string secret, ReadOnlySpan<byte> data, string presented)
    {
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data);
        var decoded = new byte[expected.Length];
        var text = presented.Trim();
        var read =
            Convert.TryFromBase64String(text, decoded, out var length) && length == expected.Length
            || Convert.FromHexString(text, decoded, out _, out length) == System.Buffers.OperationStatus.Done
                && length == expected.Length;
        return CryptographicOperations.FixedTimeEquals(expected, decoded) && read;
    }
}
