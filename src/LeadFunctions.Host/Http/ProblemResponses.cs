using Azure;

namespace LeadFunctions.Host.Http;

/// <summary>Every error the runtime answers itself is RFC 9457 problem+json, with a status that says whose fault it was.</summary>
internal static class ProblemResponses
{
    /// <summary>Seconds a client should wait when storage is unreachable before it tries again.</summary>
    public const int StorageRetryAfterSeconds = 10;

    public static IServiceCollection AddRuntimeProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status == StatusCodes.Status503ServiceUnavailable)
            {
                context.HttpContext.Response.Headers.RetryAfter = StorageRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.ProblemDetails.Detail ??= "Storage is unreachable; nothing was stored. Try again shortly.";
            }
        });
        return services;
    }

    public static WebApplication UseRuntimeProblems(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusCodeFor });
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>A request Kestrel refused keeps its own status (413, 400); storage failures are 503, never a 500 or a lost 202.</summary>
    private static int StatusCodeFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ when IsStorageUnavailable(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The Azure SDK gives up on an unreachable account with an AggregateException of its tries.</summary>
    private static bool IsStorageUnavailable(Exception exception) => exception switch
    {
        RequestFailedException or HttpRequestException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsStorageUnavailable),
        _ => false,
    };
}
