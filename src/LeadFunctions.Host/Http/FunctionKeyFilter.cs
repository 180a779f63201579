using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Host.Http;

/// <summary>
/// Checks the key of a Function- or Admin-level endpoint: "x-functions-key" first, then "?code=",
/// as the Functions host does. A function key opens Function level; the master key opens both.
/// Missing or wrong: 401, and the function does not run.
/// </summary>
internal sealed class FunctionKeyFilter(AuthorizationLevel level, HostKeys keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = PresentedKey.Of(context.HttpContext.Request);
        if (presented is null || !Accepts(presented))
        {
            return Problems.Unauthorized(
                $"This function needs a {(level == AuthorizationLevel.Admin ? "master" : "function")} key in the "
                    + $"'{PresentedKey.HeaderName}' header or the 'code' query parameter."
            );
        }

        return await next(context);
    }

    private bool Accepts(string presented) =>
        keys.Match(presented) is { } key && (level != AuthorizationLevel.Admin || key.Master);
}
