using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LeadFunctions.FunctionApp;

/// <summary>
/// GET /api/openapi.json on Azure. The worker has no ASP.NET endpoints to describe, so it serves openapi.json,
/// the self-hosted runtime's document checked in beside this file and embedded; ApiDocumentFileTests fails
/// when the copy differs from what the runtime serves (and says how to refresh it).
/// </summary>
public sealed class GetOpenApiDocument
{
    private static readonly Lazy<string> Document = new(ReadDocument);

    [Function(nameof(GetOpenApiDocument))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request
    ) =>
        new ContentResult
        {
            Content = Document.Value,
            ContentType = "application/json; charset=utf-8",
            StatusCode = StatusCodes.Status200OK,
        };

    private static string ReadDocument()
    {
        using var stream = typeof(GetOpenApiDocument).Assembly.GetManifestResourceStream("openapi.json")
            ?? throw new InvalidOperationException("openapi.json is not embedded in the FunctionApp.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
