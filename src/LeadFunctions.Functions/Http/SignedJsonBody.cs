using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Http;

/// <summary>
/// A webhook's body: read with a limit, its signature checked over the raw bytes before anything
/// parses it, then parsed as a JSON object. Every refusal is a problem (413, 401, 400).
/// </summary>
public static class SignedJsonBody
{
    private const int MaxDepth = 16;

    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(
        HttpRequest request,
        int maxBytes,
        Func<byte[], bool> isSigned,
        string unsignedDetail,
        CancellationToken cancellationToken
    )
    {
        var body = await RequestBody.ReadAsync(request, maxBytes, cancellationToken);
        if (body is null)
        {
            return (null, Problems.TooLarge(maxBytes));
        }

        if (!isSigned(body))
        {
            return (null, Problems.Unauthorized(unsignedDetail));
        }

        var (document, refusal) = JsonBody.ParseObject(body, MaxDepth);
        return document is null ? (null, Problems.BadRequest(refusal!)) : (document, null);
    }
}
