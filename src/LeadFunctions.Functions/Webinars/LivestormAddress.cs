using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Webinars;

/// <summary>
/// Livestorm's address: it signs nothing, so the address given to it ends in the secret, and the address is then a
/// credential that must not reach a log or a span. ASP.NET Core writes a request's path in three places, each kept
/// quiet on both hosts: its request log ("Request starting POST …"), the scope that log opens around everything
/// logged during the request (RequestPath=…), and the route matcher's debug lines. The request span's url.path is
/// written without the secret (<see cref="Redacted"/>).
/// </summary>
public static class LivestormAddress
{
    /// <summary>The route value that holds the secret.</summary>
    public const string SecretValue = "secret";

    public const string Prefix = "webhooks/webinars/livestorm/";

    public const string Route = Prefix + "{" + SecretValue + "}";

    /// <summary>ASP.NET Core's request log: "Request starting" and "Request finished" with the path, and the
    /// request's log scope with it, which is opened whenever this category logs at all.</summary>
    public const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>The route matcher: "candidate(s) found for the request path …" at Debug.</summary>
    public const string RouteMatchingCategory = "Microsoft.AspNetCore.Routing.Matching";

    public static ILoggingBuilder KeepOutOfRequestLogs(this ILoggingBuilder logging) =>
        logging.AddFilter(RequestLogCategory, LogLevel.None).AddFilter(RouteMatchingCategory, LogLevel.Information);

    /// <summary>A request path to Livestorm's address with "{secret}" for the secret; null for any other
    /// path.</summary>
    public static string? Redacted(string? path)
    {
        var start = path?.IndexOf("/" + Prefix, StringComparison.OrdinalIgnoreCase) ?? -1;
        return start < 0 ? null : $"{path![..(start + 1 + Prefix.Length)]}{{{SecretValue}}}";
    }
}
