using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Http;

/// <summary>
/// A page we write ourselves: never cached, sent on to nobody as a referrer, never framed, and under a
/// Content-Security-Policy that allows no script and nothing from elsewhere (<paramref name="policy"/> adds to that).
/// </summary>
internal sealed class HtmlPageResult(int status, string html, string policy = "") : IResult
{
    private const string BasePolicy =
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers.ContentSecurityPolicy = policy.Length == 0 ? BasePolicy : $"{BasePolicy}; {policy}";
        return response.WriteAsync(html, httpContext.RequestAborted);
    }
}
