using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>
/// GET /api/app/assets/htmx.min.js: the workspace's one script, htmx, from its npm package (pinned in
/// package-lock.json) built into this assembly: served by the app itself, never from a CDN.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = "app/assets/htmx.min.js",
    Page = true,
    Summary = "The workspace's script (htmx)."
)]
public sealed class GetWorkspaceScript
{
    private static readonly Lazy<byte[]> Script = new(() =>
    {
        using var stream = typeof(GetWorkspaceScript).Assembly.GetManifestResourceStream("htmx.min.js")
            ?? throw new InvalidOperationException("htmx.min.js is not built in: run npm ci before building.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private readonly byte[] script = Script.Value;

    public Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
        request.HttpContext.Response.Headers["X-Content-Type-Options"] = "nosniff";
        return Task.FromResult<IResult>(TypedResults.Bytes(script, "text/javascript; charset=utf-8"));
    }
}
