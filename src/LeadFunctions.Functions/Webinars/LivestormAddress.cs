using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Webinars;

/// <summary>
/// Livestorm's address: it signs nothing, so the address given to it ends in the secret, and the address is then a
/// credential that must not reach a log or a span. ASP.NET Core writes every request's path in its request log
/// ("Request starting POST …"), so that log is held at Warning on both hosts; the request span's url.path is
/// written without the secret (<see cref="Redacted"/>).
/// </summary>
public static class LivestormAddress
{
    /// <summary>The route value that holds the secret.</summary>
    public const string SecretValue = "secret";

    public const string Prefix = "webhooks/webinars/livestorm/";

    public const string Route = Prefix + "{" + SecretValue + "}";

    /// <summary>ASP.NET Core's request log: "Request starting" and "Request finished", each with the path.</summary>
    public const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static ILoggingBuilder KeepOutOfRequestLogs(this ILoggingBuilder logging) =>
        logging.AddFilter(RequestLogCategory, LogLevel.Warning);

    /// <summary>A request path to Livestorm's address with "{secret}" for the secret; null for any other
    /// path.</summary>
    public static string? Redacted(string? path)
    {
        var start = path?.IndexOf("/" + Prefix, StringComparison.OrdinalIgnoreCase) ?? -1;
        return start < 0 ? null : $"{path![..(start + 1 + Prefix.Length)]}{{{SecretValue}}}";
    }
}
