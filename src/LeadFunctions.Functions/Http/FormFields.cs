using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Http;

/// <summary>
/// Reads the flat name/value fields of a JSON object, a URL-encoded form or a multipart form, so that
/// a JavaScript form and a plain HTML form go through one validation.
/// </summary>
public static class FormFields
{
    public const string Json = "application/json";
    private const string UrlEncoded = "application/x-www-form-urlencoded";
    private static readonly UTF8Encoding StrictUtf8 = new(
        encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true
    );
    public const string Supported = "application/json, application/x-www-form-urlencoded or multipart/form-data";
    private const int MaxJsonDepth = 8;

    /// <summary>Reads the body (at most <paramref name="maxBytes"/>) and its fields, or a problem saying why it could
    /// not (413, 415, 400).</summary>
    public static async Task<(IReadOnlyDictionary<string, string?>? Fields, IResult? Problem)> ReadAsync(
        HttpRequest request,
        int maxBytes,
        CancellationToken cancellationToken
    )
    {
        var body = await RequestBody.ReadAsync(request, maxBytes, cancellationToken);
        return body is null ? (null, Problems.TooLarge(maxBytes)) : await ReadAsync(request, body, cancellationToken);
    }

    private static async Task<(IReadOnlyDictionary<string, string?>? Fields, IResult? Problem)> ReadAsync(
        HttpRequest request,
        byte[] body,
        CancellationToken cancellationToken
    )
    {
        if (IsJson(request.ContentType))
        {
            return ReadJson(body);
        }

        if (!request.HasFormContentType)
        {
            return (null, Problems.UnsupportedMediaType(Supported));
        }

        if (request.ContentType!.StartsWith(UrlEncoded, StringComparison.OrdinalIgnoreCase))
        {
            return ReadUrlEncoded(body);
        }

        try
        {
            request.Body = new MemoryStream(body, writable: false);
            var form = await request.ReadFormAsync(cancellationToken);
            return (
                form.ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                null
            );
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException) // IOException: a multipart body cut short
        {
            return (null, Problems.BadRequest($"The form is malformed: {ex.Message}"));
        }
    }

    public static bool IsJson(string? contentType) =>
        contentType is not null
        && (
            contentType.StartsWith(Json, StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase)
        );

    /// <summary>
    /// Decoded strictly: ASP.NET's form reader leaves an invalid escape such as "%C3%28" in the value
    /// as text, which would store garbage as a name.
    /// </summary>
    private static (IReadOnlyDictionary<string, string?>?, IResult?) ReadUrlEncoded(byte[] body)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var pair in body.AsSpan().Split((byte)'&'))
            {
                var part = body.AsSpan(pair);
                var equals = part.IndexOf((byte)'=');
                var name = Decode(equals < 0 ? part : part[..equals]);
                if (name.Length > 0)
                {
                    fields[name] = equals < 0 ? string.Empty : Decode(part[(equals + 1)..]);
                }
            }
        }
        catch (DecoderFallbackException)
        {
            return (null, Problems.BadRequest("The form is not valid UTF-8."));
        }

        return (fields, null);
    }

    private static string Decode(ReadOnlySpan<byte> encoded) =>
        StrictUtf8.GetString(WebUtility.UrlDecodeToBytes(encoded.ToArray(), 0, encoded.Length));

    private static (IReadOnlyDictionary<string, string?>?, IResult?) ReadJson(byte[] body)
    {
        var (parsed, refusal) = JsonBody.ParseObject(body, MaxJsonDepth);
        if (parsed is null)
        {
            return (null, Problems.BadRequest(refusal!));
        }

        using var document = parsed;
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                return (
                    null,
                    Problems.Invalid(
                        new Dictionary<string, string[]> { [property.Name] = ["Must be a string, number or boolean."] }
                    )
                );
            }

            fields[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null => null,
                _ => property.Value.GetRawText(),
            };
        }

        return (fields, null);
    }
}
