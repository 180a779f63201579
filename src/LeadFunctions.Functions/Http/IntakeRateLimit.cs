using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using LeadFunctions.Core.Consent;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Http;

/// <summary>
/// The per-client limit on the anonymous web-form route, on either host: a fixed window of
/// Intake:PermitsPerMinute posts a minute per client address, answered 429 + Retry-After past it.
/// </summary>
public static class IntakeRateLimit
{
    public static RateLimitPartition<string> For(IPAddress? client, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(client?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    public static IResult Rejected(RateLimitLease lease) =>
        new RejectedResult(
            lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1)
        );

    private sealed class RejectedResult(TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(
                CultureInfo.InvariantCulture
            );
            return Problems
                .TooManyRequests("Too many submissions from this address; try again later.")
                .ExecuteAsync(httpContext);
        }
    }
}

/// <summary>Who made a request, as consent evidence: the client's address and its browser (at most 512
/// characters).</summary>
public static class ClientEvidence
{
    private const int MaxUserAgentLength = 512;

    public static RequestEvidence From(HttpRequest request) =>
        new(
            request.HttpContext.Connection.RemoteIpAddress?.ToString(),
            request.Headers.UserAgent.ToString() is { Length: > 0 } agent
                ? agent[..Math.Min(agent.Length, MaxUserAgentLength)]
                : null
        );
}
