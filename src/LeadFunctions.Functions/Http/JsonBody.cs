using System.Text;
using System.Text.Json;

namespace LeadFunctions.Functions.Http;

/// <summary>Reads webhook JSON defensively: bounded depth, and values that may be strings or numbers.</summary>
public static class JsonBody
{
    private static readonly JsonDocumentOptions Limits = new() { MaxDepth = 16 };

    /// <summary>
    /// A body without the UTF-8 byte order mark it may start with (Windows tools and
    /// PowerShell write one; JSON parsers over bytes refuse it, RFC 8259 lets a parser ignore it).
    /// </summary>
    public static ReadOnlyMemory<byte> WithoutBom(byte[] body) =>
        body.AsMemory(body.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0);

    /// <summary>
    /// The parsed object, or null when the body is not UTF-8, not a JSON object, or has a string no .NET
    /// string can hold (a lone surrogate escape such as "\ud83d" is valid ASCII and valid JSON syntax).
    /// </summary>
    public static JsonDocument? TryParseObject(byte[] body)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(WithoutBom(body), Limits);
            if (document.RootElement.ValueKind == JsonValueKind.Object && HasOnlyReadableStrings(document.RootElement))
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
            // Not JSON: the caller answers 400.
        }

        return null;
    }

    private static bool HasOnlyReadableStrings(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.Object => element.EnumerateObject().All(p => p.Name is not null && HasOnlyReadableStrings(p.Value)),
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
