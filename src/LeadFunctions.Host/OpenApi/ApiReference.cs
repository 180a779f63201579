using LeadFunctions.Functions.Triggers;
using LeadFunctions.Host.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace LeadFunctions.Host.OpenApi;

/// <summary>
/// The API's own description: GET /api/openapi.json (the GetOpenApiDocument function, also served by the
/// FunctionApp from a checked-in copy) and a Scalar reference page at /api/docs, whose script is embedded in
/// the Scalar.AspNetCore package (no CDN). Both are anonymous: they describe routes and key names, never keys,
/// and the same document is what integrators are handed anyway.
/// </summary>
public static class ApiReference
{
    public const string FunctionName = "GetOpenApiDocument";
    public const string DocumentRoute = "openapi.json";
    public const string PageRoute = "docs";

    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.ShouldInclude = description =>
                description.ActionDescriptor.EndpointMetadata.OfType<HttpFunctionMetadata>().Any();
            options.AddDocumentTransformer<ApiDocument>();
            options.AddOperationTransformer<FunctionOperationTransformer>();
        });

    /// <summary>Maps the document as a function of its own (so both hosts list it) and the page beside it.</summary>
    public static void MapApiReference(this RouteGroupBuilder api)
    {
        api.MapGet(DocumentRoute, WriteDocumentAsync)
            .AsFunction(FunctionName, AuthorizationLevel.Anonymous)
            .WithSummary("This OpenAPI document.");
        api.MapScalarApiReference(PageRoute, options =>
            options.WithTitle("LeadFunctions API").WithOpenApiRoutePattern("/api/" + DocumentRoute)
        );
    }

    /// <summary>The document as the runtime describes itself now: the text the FunctionApp's copy must equal.</summary>
    public static async Task<string> DocumentAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1");
        var document = await provider.GetOpenApiDocumentAsync(cancellationToken);
        return await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken);
    }

    private static async Task<IResult> WriteDocumentAsync(HttpContext context, CancellationToken cancellationToken) =>
        Results.Text(
            await DocumentAsync(context.RequestServices, cancellationToken),
            "application/json; charset=utf-8"
        );
}
