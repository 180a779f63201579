using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace LeadFunctions.Adapters.Email;

/// <summary>
/// The mail send's resilience pipeline. Only answers are retried: 429 and 5xx mean SendGrid did not take
/// the email. An exception (a timeout, a connection reset) may have come after SendGrid took it, and a
/// retry would send it twice, so it is never retried here; the caller decides what an unknown outcome means.
/// </summary>
public static class SendGridResilience
{
    public const int MaxRetryAttempts = 3;
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A longer Retry-After is not waited for inside one send: the send fails with its status and is tried again later by its queue.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline) => pipeline
        .AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } response && IsRetryable(response)),
        })
        .AddTimeout(AttemptTimeout);

    public static bool IsRetryable(HttpResponseMessage response) =>
        (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500) && RetryAfter(response) <= MaxRetryAfter;

    private static TimeSpan RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => TimeSpan.Zero,
    };
}
