using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Http;

/// <summary>
/// 303 See Other: after a plain HTML form's POST the browser GETs the page it is sent to (TypedResults
/// offers 302/307 only, and 302 lets some clients repeat the POST). A relative location stays relative.
/// </summary>
public sealed class SeeOtherResult(Uri location) : IResult
{
    public Uri Location => location;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location.IsAbsoluteUri ? location.AbsoluteUri : location.OriginalString;
        return Task.CompletedTask;
    }
}
