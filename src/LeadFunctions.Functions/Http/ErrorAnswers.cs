using System.Globalization;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LeadFunctions.Functions.Http;

/// <summary>
/// How a host answers an exception a function did not handle, on either host: RFC 9457 problem+json with a
/// status that says whose fault it was. Storage failures are 503 + Retry-After, never a 500 or a lost 202.
/// </summary>
public static class ErrorAnswers
{
    /// <summary>Seconds a client should wait when storage is unreachable before it tries again.</summary>
    public const int StorageRetryAfterSeconds = 10;

    /// <summary>A request the server refused while reading it keeps its own status (413, 400).</summary>
    public static int StatusCodeFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ when IsStorageUnavailable(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Completes a problem for its status: a 503 says when to try again and that nothing was stored.</summary>
    public static void Describe(HttpContext context, ProblemDetails problem)
    {
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = StorageRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            problem.Detail ??= "Storage is unreachable; nothing was stored. Try again shortly.";
        }
    }

    /// <summary>The answer to <paramref name="exception"/>, for a host that has no exception handler middleware of its own.</summary>
    public static IResult For(Exception exception) => new ExceptionProblem(StatusCodeFor(exception));

    /// <summary>The Azure SDK gives up on an unreachable account with an AggregateException of its tries.</summary>
    private static bool IsStorageUnavailable(Exception exception) => exception switch
    {
        RequestFailedException or HttpRequestException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsStorageUnavailable),
        _ => false,
    };

    private sealed class ExceptionProblem(int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var problem = new ProblemDetails { Status = status };
            Describe(httpContext, problem);
            return TypedResults.Problem(problem).ExecuteAsync(httpContext);
        }
    }
}
