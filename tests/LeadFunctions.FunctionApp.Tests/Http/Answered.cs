using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.FunctionApp.Tests.Http;

/// <summary>An <see cref="IResult"/> executed on a real HttpContext, as either host executes it, and what it
/// wrote.</summary>
public sealed record Answered(int Status, string? ContentType, string? RetryAfter, JsonElement Body)
{
    public static async Task<Answered> ExecuteAsync(IResult result)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        using var body = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = body;

        await result.ExecuteAsync(context);

        var response = context.Response;
        var json = body.Length == 0 ? default : JsonDocument.Parse(body.ToArray()).RootElement.Clone();
        return new Answered(
            response.StatusCode,
            response.ContentType,
            response.Headers.RetryAfter.FirstOrDefault(),
            json
        );
    }
}
