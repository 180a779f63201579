using System.Reflection;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.Host.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LeadFunctions.Host.OpenApi;

/// <summary>
/// Describes each function's operation from its <see cref="HttpFunctionMetadata"/> and its declaration
/// (<see cref="HttpFunctionAttribute"/>: summary, body example, extra statuses): the name as operationId, the key it
/// needs, its body and the RFC 9457 answers it can give. The statuses follow the runtime: a key check answers 401, a
/// body is read by JsonBody/CSV readers (400, 413, 415), a route with an id can miss (404), and storage trouble is 503
/// for everyone.
/// </summary>
internal sealed class FunctionOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(
        OpenApiOperation operation,
        OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        var function = context.Description.ActionDescriptor.EndpointMetadata.OfType<HttpFunctionMetadata>().Single();
        var declaration = function.FunctionType?.GetCustomAttribute<HttpFunctionAttribute>();
        var document = context.Document
            ?? throw new InvalidOperationException("The operation is described outside a document.");

        operation.OperationId = function.FunctionName;
        operation.Summary = declaration?.Summary ?? operation.Summary;
        operation.Tags = new HashSet<OpenApiTagReference>
        {
            new(Area(context.Description.RelativePath ?? string.Empty), document),
        };
        if (function.Level != AuthorizationLevel.Anonymous)
        {
            operation.Description =
                function.Level == AuthorizationLevel.Admin ? "Needs the master (admin) key." : "Needs a function key.";
            operation.Security = ApiDocument.KeyRequirements(document);
        }

        var body = declaration is null ? null : RequestBodyDoc.Of(declaration);
        if (body is not null)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { [body.MediaType] = body.ToMediaType() },
            };
        }

        operation.Responses ??= [];
        foreach (
            var status in ProblemStatuses(
                function,
                declaration?.Problems ?? [],
                body is not null,
                context.Description.RelativePath ?? string.Empty
            )
        )
        {
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] =
                ApiDocument.Problem(status, document);
        }

        return Task.CompletedTask;
    }

    /// <summary>The reference page's group: the route's first segment after the prefix (leads, campaigns, consent,
    /// …).</summary>
    public static string Area(string route) =>
        route.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, var area, ..] ? area : route;

    private static SortedSet<int> ProblemStatuses(
        HttpFunctionMetadata function,
        int[] problems,
        bool hasBody,
        string route
    )
    {
        var statuses = new SortedSet<int>(problems) { StatusCodes.Status503ServiceUnavailable };
        if (function.Level != AuthorizationLevel.Anonymous)
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
        }

        if (hasBody)
        {
            statuses.UnionWith([
                StatusCodes.Status400BadRequest,
                StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType,
            ]);
        }

        if (route.Contains('{', StringComparison.Ordinal))
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }

        return statuses;
    }
}
