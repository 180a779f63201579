using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Http;

/// <summary>Reads request JSON defensively: strict UTF-8, bounded depth, and values that may be strings or
/// numbers.</summary>
public static class JsonBody
{
    /// <summary>
    /// A request's JSON object, or the problem to answer: 415 when it is not JSON, 413 past
    /// <paramref name="maxBytes"/>, 400 for what <see cref="ParseObject"/> refuses. The caller disposes the document.
    /// </summary>
    public static async Task<(JsonDocument? Document, IResult? Refusal)> ReadObjectAsync(
        HttpRequest request,
        int maxBytes,
        int maxDepth,
        CancellationToken cancellationToken
    )
    {
        if (!FormFields.IsJson(request.ContentType))
        {
            return (null, Problems.UnsupportedMediaType(FormFields.Json));
        }

        if (await RequestBody.ReadAsync(request, maxBytes, cancellationToken) is not { } body)
        {
            return (null, Problems.TooLarge(maxBytes));
        }

        var (document, refusal) = ParseObject(body, maxDepth);
        return (document, document is null ? Problems.BadRequest(refusal!) : null);
    }

    /// <summary>
    /// A request's JSON object read as <typeparamref name="T"/> with <paramref name="options"/>, or the problem to
    /// answer: those of <see cref="ReadObjectAsync"/>, and 400 "The body is not <paramref name="what"/>" naming the
    /// field at fault.
    /// </summary>
    public static async Task<(T? Value, IResult? Refusal)> ReadAsync<T>(
        HttpRequest request,
        int maxBytes,
        int maxDepth,
        JsonSerializerOptions options,
        string what,
        CancellationToken cancellationToken
    )
        where T : class
    {
        var (document, refusal) = await ReadObjectAsync(request, maxBytes, maxDepth, cancellationToken);
        if (document is null)
        {
            return (null, refusal);
        }

        using (document)
        {
            try
            {
                return (document.RootElement.Deserialize<T>(options), null);
            }
            catch (JsonException ex)
            {
                return (null, Problems.BadRequest($"The body is not {what}: {ex.Message}"));
            }
        }
    }

    /// <summary>
    /// The one way a JSON body is read: the parsed object, or why it is refused. Bytes that are not UTF-8 are
    /// refused, and so is a string no .NET string can hold (a lone surrogate escape such as "\ud83d" is valid
    /// ASCII and valid JSON syntax); a leading byte order mark is allowed.
    /// </summary>
    public static (JsonDocument? Document, string? Refusal) ParseObject(byte[] body, int maxDepth) =>
        Parse(body, maxDepth, JsonValueKind.Object);

    /// <summary>As <see cref="ParseObject"/>, for a body that is a JSON array.</summary>
    public static (JsonDocument? Document, string? Refusal) ParseArray(byte[] body, int maxDepth) =>
        Parse(body, maxDepth, JsonValueKind.Array);

    private static (JsonDocument? Document, string? Refusal) Parse(byte[] body, int maxDepth, JsonValueKind root)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            return (null, "The body is not valid UTF-8.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(WithoutBom(body), new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not valid JSON: {ex.Message}");
        }

        var shape = root == JsonValueKind.Object ? "object" : "array";
        var refusal =
            document.RootElement.ValueKind != root ? $"The body must be a JSON {shape}."
            : !HasOnlyReadableStrings(document.RootElement)
                ? "The body is not valid UTF-8: a string has half a surrogate pair."
            : null;
        if (refusal is not null)
        {
            document.Dispose();
            return (null, refusal);
        }

        return (document, null);
    }

    /// <summary>
    /// A body without the UTF-8 byte order mark it may start with (Windows tools and
    /// PowerShell write one; JSON parsers over bytes refuse it, RFC 8259 lets a parser ignore it).
    /// </summary>
    private static ReadOnlyMemory<byte> WithoutBom(byte[] body) =>
        body.AsMemory(body.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0);

    private static bool HasOnlyReadableStrings(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.Object => element
                    .EnumerateObject()
                    .All(p => p.Name is not null && HasOnlyReadableStrings(p.Value)),
                JsonValueKind.Array => element.EnumerateArray().All(HasOnlyReadableStrings),
                JsonValueKind.String => element.GetString() is not null,
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A property as text: strings as they are, numbers and booleans as written; anything else null.</summary>
    public static string? Text(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
    }

    public static JsonElement Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : default;
}

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
