using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadFunctions.Functions.Http;

/// <summary>The RFC 9457 answers every function gives for what it refuses.</summary>
public static class Problems
{
    public static ProblemHttpResult BadRequest(string detail, string title = "The request could not be read.") =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title);

    public static ProblemHttpResult TooLarge(int maxBytes) => TooLarge($"The body must be at most {maxBytes} bytes.");

    public static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large.");

    public static ProblemHttpResult UnsupportedMediaType(string expected) =>
        TypedResults.Problem(
            $"Send {expected}.",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type."
        );

    public static ProblemHttpResult UnknownCharset(string charset) =>
        TypedResults.Problem(
            $"The charset '{charset}' is not one this service knows. Name the file's encoding (utf-8, windows-1254, "
                + $"iso-8859-9, utf-16) or send UTF-8.",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type."
        );

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized.");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem($"{what} was not found.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    /// <summary>A function switched off in configuration answers as if it were not there.</summary>
    public static ProblemHttpResult Disabled(string functionName) =>
        TypedResults.Problem($"The function {functionName} is disabled.", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string? detail, string title) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);

    public static ProblemHttpResult Gone(string detail, string title) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status410Gone, title: title);

    public static ProblemHttpResult TooManyRequests(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.");

    /// <summary>A service this one calls on the request's behalf refused it: its answer in the detail.</summary>
    public static ProblemHttpResult BadGateway(string detail, string title) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status502BadGateway, title: title);

    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Some fields are not valid.");
}
