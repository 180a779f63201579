using System.Text;

namespace LeadFunctions.Adapters.Tables;

/// <summary>The table SDK's continuation tokens, base64url-encoded so they are opaque to callers.</summary>
public static class ContinuationTokens
{
    public static string? Encode(string? token) =>
        token is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A token that is not one of ours is refused (<see cref="FormatException"/>) before it reaches storage.</summary>
    public static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) && written > 0
            ? Encoding.UTF8.GetString(bytes, 0, written)
            : throw new FormatException("Not a continuation token.");
    }
}
