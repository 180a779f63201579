using System.Security.Cryptography;
using System.Text;

namespace LeadFunctions.Core.Security;

/// <summary>
/// An id derived from what identifies a thing (a webhook delivery, an idempotency key), so that the
/// same thing arriving twice gets the same id and is recorded once.
/// </summary>
public static class StableId
{
    public static string From(params string?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..32];
}
