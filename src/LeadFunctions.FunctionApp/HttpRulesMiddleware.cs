using System.Threading.RateLimiting;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Intake;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadFunctions.FunctionApp;

/// <summary>
/// What the self-hosted runtime does as ASP.NET Core middleware, in the worker: the intake limit
/// (<see cref="IntakeRateLimit"/>, per client behind the platform's proxies) and problem+json answers to
/// exceptions (<see cref="ErrorAnswers"/>: storage failures 503 + Retry-After). The answer is set as the
/// invocation's result, which the ASP.NET Core integration executes after this middleware returns.
/// </summary>
internal sealed partial class HttpRulesMiddleware(IOptionsMonitor<IntakeOptions> intake, ILogger<HttpRulesMiddleware> logger) : IFunctionsWorkerMiddleware, IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> limiter = PartitionedRateLimiter.Create<HttpContext, string>(
        http => IntakeRateLimit.For(ForwardedClient.Address(http), intake.CurrentValue.PermitsPerMinute));

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        if (IntakeRateLimit.FunctionNames.Contains(context.FunctionDefinition.Name))
        {
            using var lease = limiter.AttemptAcquire(http);
            if (!lease.IsAcquired)
            {
                context.GetInvocationResult().Value = IntakeRateLimit.Rejected(lease).AsActionResult();
                return;
            }
        }

        try
        {
            await next(context);
        }
        catch (Exception exception) when (!http.Response.HasStarted)
        {
            Failed(logger, exception, context.FunctionDefinition.Name);
            context.GetInvocationResult().Value = ErrorAnswers.For(exception).AsActionResult();
        }
    }

    public void Dispose() => limiter.Dispose();

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Function {Function} failed; answered with problem+json")]
    private static partial void Failed(ILogger logger, Exception exception, string function);
}
