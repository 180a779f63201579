using System.Security.Cryptography;
using System.Text;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.Host.Configuration;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Host.Http;

/// <summary>
/// Checks the key of a Function- or Admin-level endpoint: "x-functions-key" first, then "?code=",
/// as the Functions host does. A function key opens Function level; the master key opens both.
/// Missing or wrong: 401, and the function does not run.
/// </summary>
internal sealed class FunctionKeyFilter(AuthorizationLevel level, IOptionsMonitor<HostKeysOptions> keys)
    : IEndpointFilter
{
    public const string HeaderName = "x-functions-key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var presented = request.Headers[HeaderName].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        if (presented is null || !Accepts(presented))
        {
            return Problems.Unauthorized(
                $"This function needs a {(level == AuthorizationLevel.Admin ? "master" : "function")} key in the "
                    + $"'{HeaderName}' header or the 'code' query parameter."
            );
        }

        return await next(context);
    }

    private bool Accepts(string presented)
    {
        var current = keys.CurrentValue;
        var candidates =
            level == AuthorizationLevel.Admin
                ? [current.MasterKey]
                : current.FunctionKeys.Values.Append(current.MasterKey);
        return candidates.Any(key => !string.IsNullOrEmpty(key) && FixedTimeEquals(key, presented));
    }

    private static bool FixedTimeEquals(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
