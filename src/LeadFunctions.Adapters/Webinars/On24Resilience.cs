using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace LeadFunctions.Adapters.Webinars;

/// <summary>
/// The ON24 calls' resilience pipeline. Only a server error or a dropped connection is retried, twice, a second
/// apart and more; a 429 or a 403 is never retried here (ON24 counts every call against its limit): the poll waits
/// instead (<see cref="Core.Webinars.On24Throttle"/>). Each attempt has 30 seconds.
/// </summary>
public static class On24Resilience
{
    public const int MaxRetryAttempts = 2;
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline) =>
        pipeline
            .AddRetry(
                new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromSeconds(1),
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = args =>
                        ValueTask.FromResult(
                            args.Outcome.Result is { } response
                                ? (int)response.StatusCode >= 500
                                    && response.StatusCode != HttpStatusCode.NotImplemented
                                : args.Outcome.Exception is HttpRequestException
                        ),
                }
            )
            .AddTimeout(AttemptTimeout);
}
