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
    public const string Supported = "application/json, application/x-www-form-urlencoded or multipart/form-data";
    private static readonly JsonDocumentOptions JsonLimits = new() { MaxDepth = 8 };

    /// <summary>The fields, or a problem saying why the body could not be read.</summary>
    public static async Task<(IReadOnlyDictionary<string, string?>? Fields, IResult? Problem)> ReadAsync(
        HttpRequest request, byte[] body, CancellationToken cancellationToken)
    {
        if (IsJson(request.ContentType))
        {
            return ReadJson(body);
        }

        if (!request.HasFormContentType)
        {
            return (null, Problems.UnsupportedMediaType(Supported));
        }

        try
        {
            request.Body = new MemoryStream(body, writable: false);
            var form = await request.ReadFormAsync(cancellationToken);
            return (form.ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.OrdinalIgnoreCase), null);
        }
        catch (InvalidDataException ex)
        {
            return (null, Problems.BadRequest($"The form is malformed: {ex.Message}"));
        }
    }

    public static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith(Json, StringComparison.OrdinalIgnoreCase) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static (IReadOnlyDictionary<string, string?>?, IResult?) ReadJson(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, JsonLimits);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Problems.BadRequest("The body must be a JSON object."));
            }

            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    return (null, Problems.Invalid(new Dictionary<string, string[]> { [property.Name] = ["Must be a string, number or boolean."] }));
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
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest($"The body is not valid JSON: {ex.Message}"));
        }
        catch (InvalidOperationException)
        {
            // Parsing checks structure only; GetString is where bytes that are not UTF-8 come to light.
            return (null, Problems.BadRequest("The body is not valid UTF-8."));
        }
    }
}
