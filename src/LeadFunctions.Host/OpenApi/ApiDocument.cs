using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace LeadFunctions.Host.OpenApi;

/// <summary>
/// The document-wide parts: its title, the two ways to present a key (as the Functions host accepts them)
/// and the RFC 9457 problem shape every refusal uses. No servers are listed: every path already carries the
/// route prefix, so the document is the same on every host and port (the FunctionApp serves a checked-in copy).
/// </summary>
internal sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public const string HeaderKey = "functionKeyHeader";
    public const string QueryKey = "functionKeyQuery";
    private const string ProblemSchema = "ProblemDetails";

    public Task TransformAsync(
        OpenApiDocument document,
        OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        document.Info = new OpenApiInfo
        {
            Title = "LeadFunctions",
            Version = "v1",
            Description =
                "Lead intake, consent, scoring, sales hand-off and nurture campaigns. Keys: a function key for reads "
                + "and operations, "
                + "the master (admin) key for destructive ones and settings; anonymous routes verify their own "
                + "signatures or tokens.",
        };
        document.Servers = [];
        document.Tags = document
            .Paths.Values.SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(operation => operation.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(tag => tag.Reference.Id!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => new OpenApiTag { Name = name })
            .ToHashSet();
        const string keyText = "A function key, or the master key where the operation says so.";
        document.AddComponent(
            HeaderKey,
            new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "x-functions-key",
                Description = keyText,
            }
        );
        document.AddComponent(
            QueryKey,
            new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Query,
                Name = "code",
                Description = keyText,
            }
        );
        document.AddComponent<IOpenApiSchema>(
            ProblemSchema,
            new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "RFC 9457 problem details; a validation problem adds errors: field name to messages.",
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["errors"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        AdditionalProperties = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Array,
                            Items = new OpenApiSchema { Type = JsonSchemaType.String },
                        },
                    },
                },
            }
        );
        return Task.CompletedTask;
    }

    /// <summary>Either key presentation satisfies an operation: two requirements are OpenAPI's "or".</summary>
    public static List<OpenApiSecurityRequirement> KeyRequirements(OpenApiDocument document) =>
        [
            new() { [new OpenApiSecuritySchemeReference(HeaderKey, document)] = [] },
            new() { [new OpenApiSecuritySchemeReference(QueryKey, document)] = [] },
        ];

    public static OpenApiResponse Problem(int status, OpenApiDocument document) =>
        new()
        {
            Description =
                ReasonPhrases.GetReasonPhrase(status).Length > 0
                    ? ReasonPhrases.GetReasonPhrase(status)
                    : status.ToString(CultureInfo.InvariantCulture),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            },
        };
}
