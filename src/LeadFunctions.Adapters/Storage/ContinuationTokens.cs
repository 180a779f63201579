using System.Text;
using Azure;

namespace LeadFunctions.Adapters.Storage;

/// <summary>The table SDK's continuation tokens, base64url-encoded so they are opaque to callers.</summary>
public static class ContinuationTokens
{
    public static string? Encode(string? token) =>
        token is null
            ? null
            : Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A token that is not one of ours is refused (<see cref="FormatException"/>) before it reaches
    /// storage.</summary>
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

    /// <summary>
    /// The page of <paramref name="query"/> that <paramref name="token"/> names (the first without one), or null when
    /// there is none. A token that decodes but that storage does not know as its own is refused as well (400 there).
    /// </summary>
    public static async Task<Page<T>?> PageAsync<T>(AsyncPageable<T> query, string? token, int pageSize)
        where T : notnull
    {
        try
        {
            await foreach (var page in query.AsPages(Decode(token), pageSize))
            {
                return page;
            }

            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 400)
        {
            throw new FormatException("Not a continuation token.", ex);
        }
    }
}
