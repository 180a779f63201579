using System.Text.Json.Nodes;
using LeadFunctions.Functions.Triggers;
using Microsoft.OpenApi;

namespace LeadFunctions.Host.OpenApi;

/// <summary>A request body: its media type and an example a caller can send as is.</summary>
public sealed record RequestBodyDoc(string MediaType, string Example)
{
    /// <summary>The body a function's declaration documents, or null for one without a body.</summary>
    public static RequestBodyDoc? Of(HttpFunctionAttribute declaration) =>
        declaration.BodyExample is { } example ? new(declaration.BodyMediaType, example) : null;

    /// <summary>The example is the shape's documentation; the schema only says whether it is text, an object or a
    /// list.</summary>
    public OpenApiMediaType ToMediaType()
    {
        if (MediaType != "application/json")
        {
            return new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create(Example),
            };
        }

        var example = JsonNode.Parse(Example)!;
        return new OpenApiMediaType
        {
            Schema = new OpenApiSchema { Type = example is JsonArray ? JsonSchemaType.Array : JsonSchemaType.Object },
            Example = example,
        };
    }
}
