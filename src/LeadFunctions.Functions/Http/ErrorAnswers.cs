using System.Globalization;
using LeadFunctions.Core.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LeadFunctions.Functions.Http;

/// <summary>
/// How a host answers an exception a function did not handle, on either host: RFC 9457 problem+json with a
/// status that says whose fault it was. Storage failures (<see cref="IStorageFailures"/>) are 503 + Retry-After,
/// never a 500 or a lost 202.
/// </summary>
public sealed class ErrorAnswers(IStorageFailures storage)
{
    /// <summary>Seconds a client should wait when storage is unreachable before it tries again.</summary>
    public const int StorageRetryAfterSeconds = 10;

    /// <summary>A request the server refused while reading it keeps its own status (413, 400).</summary>
    public int StatusCodeFor(Exception exception) =>
        exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            _ when storage.IsUnavailable(exception) => StatusCodes.Status503ServiceUnavailable,
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

    /// <summary>The answer to <paramref name="exception"/>, for a host that has no exception handler middleware of its
    /// own.</summary>
    public IResult For(Exception exception) => new ExceptionProblem(StatusCodeFor(exception));

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
