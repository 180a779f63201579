using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Http;

/// <summary>
/// Reads a small request body into memory with a hard limit, whatever the host's own limit is
/// (Azure's is 100 MB), so an oversized body is refused before anything parses it.
/// </summary>
public static class RequestBody
{
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
