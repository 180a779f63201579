using System.Net;
using System.Threading.RateLimiting;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Intake;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadFunctions.FunctionApp;

/// <summary>
/// What the self-hosted runtime does as ASP.NET Core middleware, in the worker: the intake limit
/// (<see cref="IntakeRateLimit"/>, per client address behind the platform's proxies, <see cref="ForwardedClient"/>) and
/// problem+json answers to exceptions (<see cref="ErrorAnswers"/>: storage failures 503 + Retry-After). The answer is
/// set as the invocation's result, which the ASP.NET Core integration executes after this middleware returns.
/// </summary>
internal sealed partial class HttpRulesMiddleware(
    IOptionsMonitor<IntakeOptions> intake,
    ErrorAnswers answers,
    ILogger<HttpRulesMiddleware> logger
) : IFunctionsWorkerMiddleware, IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> limiter = PartitionedRateLimiter.Create<IPAddress, string>(
        client => IntakeRateLimit.For(client, intake.CurrentValue.PermitsPerMinute)
    );

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        // A request whose client cannot be told apart is not limited: one shared window would refuse every form at
        // once.
        if (
            FunctionDeclaration.PublicIntakeNames.Contains(context.FunctionDefinition.Name)
            && ForwardedClient.Address(http) is { } client
        )
        {
            using var lease = limiter.AttemptAcquire(client);
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
            context.GetInvocationResult().Value = answers.For(exception).AsActionResult();
        }
    }

    public void Dispose() => limiter.Dispose();

    [LoggerMessage(
        EventId = 5000,
        Level = LogLevel.Error,
        Message = "Function {Function} failed; answered with problem+json"
    )]
    private static partial void Failed(ILogger logger, Exception exception, string function);
}
