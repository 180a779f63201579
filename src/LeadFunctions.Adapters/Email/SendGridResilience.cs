using LeadFunctions.Core.Email;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace LeadFunctions.Adapters.Email;

/// <summary>
/// The mail send's resilience pipeline. Only answers that say SendGrid did not take the email are retried
/// (<see cref="EmailSendFailure.Unavailable"/>: 429, 5xx but a gateway's 502/504). An exception (a timeout, a
/// connection reset) or a gateway's answer may have come after SendGrid took it, and a retry would send it twice,
/// so it is never retried here; the caller decides what an unknown outcome means.
/// </summary>
public static class SendGridResilience
{
    public const int MaxRetryAttempts = 3;
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A longer Retry-After is not waited for inside one send: the send fails with its status and is tried
    /// again later by its queue.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline) =>
        pipeline
            .AddRetry(
                new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args =>
                        ValueTask.FromResult(args.Outcome.Result is { } response && IsRetryable(response)),
                }
            )
            .AddTimeout(AttemptTimeout);

    public static bool IsRetryable(HttpResponseMessage response) =>
        !response.IsSuccessStatusCode
        && EmailSendException.FailureOf((int)response.StatusCode) == EmailSendFailure.Unavailable
        && RetryAfter(response) <= MaxRetryAfter;

    private static TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => TimeSpan.Zero,
        };
}
