using Azure;
using LeadFunctions.Adapters.Health;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.FunctionApp.Tests.Http;

public sealed class ErrorAnswersTests
{
    private static readonly ErrorAnswers Answers = new(new StorageFailures());

    public static TheoryData<Exception> StorageFailures() =>
        [
            new RequestFailedException(500, "The server is busy."),
            new AggregateException(
                new HttpRequestException("Connection refused"),
                new HttpRequestException("Connection refused")
            ),
            new TimeoutException("The operation was cancelled because it exceeded the configured timeout."),
        ];

    [Theory]
    [MemberData(nameof(StorageFailures))]
    public async Task For_StorageUnavailable_503ProblemWithRetryAfter(Exception failure)
    {
        var answer = await Answered.ExecuteAsync(Answers.For(failure));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal("10", answer.RetryAfter);
        Assert.Equal(503, answer.Body.GetProperty("status").GetInt32());
        Assert.Equal(
            "Storage is unreachable; nothing was stored. Try again shortly.",
            answer.Body.GetProperty("detail").GetString()
        );
    }

    [Fact]
    public async Task For_AnyOtherException_500ProblemWithoutRetryAfter()
    {
        var answer = await Answered.ExecuteAsync(Answers.For(new InvalidOperationException("A bug.")));

        Assert.Equal(StatusCodes.Status500InternalServerError, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Null(answer.RetryAfter);
        Assert.False(answer.Body.TryGetProperty("detail", out _)); // nothing of the exception leaks out
    }

    [Fact]
    public async Task For_AggregateWithAnyNonStorageFailure_500()
    {
        var mixed = new AggregateException(
            new HttpRequestException("Connection refused"),
            new InvalidOperationException("A bug.")
        );

        var answer = await Answered.ExecuteAsync(Answers.For(mixed));

        Assert.Equal(StatusCodes.Status500InternalServerError, answer.Status);
    }

    [Fact]
    public async Task For_RequestTheServerRefused_KeepsItsStatus()
    {
        var refused = new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        var answer = await Answered.ExecuteAsync(Answers.For(refused));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
    }
}
