using System.Net;
using System.Text.Json;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.Host.Http;
using LeadFunctions.Host.OpenApi;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.Testing;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.OpenApi;

/// <summary>GET /api/openapi.json against the routes the running runtime maps, and the reference page beside
/// it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiTests(AzuriteFixture azurite)
{
    private static readonly string[] ProblemFields = ["type", "title", "status", "detail", "errors"];

    private static string FunctionAppCopy =>
        Path.Combine(AzuriteProcess.RepositoryRoot(), "src", "LeadFunctions.FunctionApp", "openapi.json");

    [Fact]
    public async Task Document_EveryMappedFunctionRoute_IsDescribedWithItsMethodsAndName()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var document = await DocumentAsync(host);
        var paths = document.RootElement.GetProperty("paths");

        var functions = host
            .Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e =>
                e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal)
                && e.Metadata.GetMetadata<HttpFunctionMetadata>() is not null
                && e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true }
            )
            .ToList();

        // The workspace's pages are for people, not for API clients.
        Assert.False(paths.TryGetProperty("/api/app/campaigns", out _));

        Assert.True(functions.Count > 30, $"only {functions.Count} function endpoints found");
        foreach (var endpoint in functions)
        {
            var path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            Assert.True(paths.TryGetProperty(path, out var operations), $"{path} is not in the document");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                Assert.True(
                    operations.TryGetProperty(method.ToLowerInvariant(), out var operation),
                    $"{method} {path} is not in the document"
                );
                Assert.Equal(
                    endpoint.Metadata.GetMetadata<HttpFunctionMetadata>()!.FunctionName,
                    operation.GetProperty("operationId").GetString()
                );
                Assert.False(
                    string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()),
                    $"{method} {path} has no summary"
                );
            }
        }
    }

    [Fact]
    public async Task Document_KeyedOperationsNeedAKey_AnonymousOnesDoNot()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var document = await DocumentAsync(host);
        var paths = document.RootElement.GetProperty("paths");

        var schemes = document.RootElement.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("x-functions-key", schemes.GetProperty("functionKeyHeader").GetProperty("name").GetString());
        Assert.Equal("code", schemes.GetProperty("functionKeyQuery").GetProperty("name").GetString());

        var getLead = paths.GetProperty("/api/leads/{id}").GetProperty("get");
        Assert.Equal(
            ["functionKeyHeader", "functionKeyQuery"],
            getLead.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject()).Select(p => p.Name)
        );
        Assert.True(getLead.GetProperty("responses").TryGetProperty("401", out _));
        Assert.Contains(
            "master",
            paths.GetProperty("/api/scoring-model").GetProperty("put").GetProperty("description").GetString(),
            StringComparison.Ordinal
        );

        foreach (
            var anonymous in new[]
            {
                ("/api/leads", "post"),
                ("/api/health", "get"),
                ("/api/openapi.json", "get"),
                ("/api/unsubscribe", "post"),
            }
        )
        {
            var operation = paths.GetProperty(anonymous.Item1).GetProperty(anonymous.Item2);
            Assert.False(operation.TryGetProperty("security", out _), $"{anonymous} asks for a key");
        }
    }

    [Fact]
    public async Task Document_SubmitLead_HasABodyExampleAndAProblem400()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var document = await DocumentAsync(host);
        var submit = document.RootElement.GetProperty("paths").GetProperty("/api/leads").GetProperty("post");

        Assert.Equal("SubmitLead", submit.GetProperty("operationId").GetString());
        var example = submit
            .GetProperty("requestBody")
            .GetProperty("content")
            .GetProperty("application/json")
            .GetProperty("example");
        Assert.Equal("ayse.yilmaz@example.com", example.GetProperty("email").GetString());

        var badRequest = submit
            .GetProperty("responses")
            .GetProperty("400")
            .GetProperty("content")
            .GetProperty("application/problem+json")
            .GetProperty("schema");
        Assert.Equal("#/components/schemas/ProblemDetails", badRequest.GetProperty("$ref").GetString());
        Assert.True(submit.GetProperty("responses").TryGetProperty("429", out _));
        var problem = document
            .RootElement.GetProperty("components")
            .GetProperty("schemas")
            .GetProperty("ProblemDetails")
            .GetProperty("properties");
        Assert.All(ProblemFields, name => Assert.True(problem.TryGetProperty(name, out _), name));

        var import = document.RootElement.GetProperty("paths").GetProperty("/api/leads/import").GetProperty("post");
        Assert.True(import.GetProperty("requestBody").GetProperty("content").TryGetProperty("text/csv", out _));
    }

    /// <summary>The examples are what a caller copies first: the functions must accept them as they are.</summary>
    [Theory]
    [InlineData("SubmitLead", "POST", "/api/leads", null)]
    [InlineData("PutCampaign", "PUT", "/api/campaigns/example-campaign", TestHost.FunctionKey)]
    [InlineData("PutScoringModel", "PUT", "/api/scoring-model", TestHost.MasterKey)]
    [InlineData("ImportLeads", "POST", "/api/leads/import?source=fair", TestHost.FunctionKey)]
    public async Task Examples_SentAsDocumented_AreAccepted(string function, string method, string uri, string? key)
    {
        await using var host = await TestHost.StartAsync(azurite);
        var declared = FunctionDeclaration.All.Single(f => f.Name == function).Trigger;
        var body = RequestBodyDoc.Of((HttpFunctionAttribute)declared)!;
        using var request = key is null
            ? new HttpRequestMessage(new HttpMethod(method), uri)
            : TestHost.WithKey(new HttpMethod(method), uri, key);
        request.Content = new StringContent(body.Example, System.Text.Encoding.UTF8, body.MediaType);

        using var response = await host.Client.SendAsync(request);

        Assert.True(
            response.IsSuccessStatusCode,
            $"{function}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
    }

    [Fact]
    public async Task ReferencePage_Answers200Html_WithItsScriptServedLocally()
    {
        await using var host = await TestHost.StartAsync(azurite);

        using var page = await host.Client.GetAsync("/api/docs/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"url\":\"api/openapi.json\"", html, StringComparison.Ordinal); // Scalar resolves it from the app's base path
        Assert.DoesNotContain("cdn.jsdelivr.net", html, StringComparison.Ordinal);
        using var script = await host.Client.GetAsync("/api/docs/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000, "the embedded Scalar bundle");
    }

    /// <summary>The FunctionApp embeds a checked-in copy (src/LeadFunctions.FunctionApp/openapi.json); it must be what
    /// this runtime serves.</summary>
    [Fact]
    public async Task FunctionAppCopy_EqualsTheServedDocument()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var response = await host.Client.GetAsync("/api/openapi.json");
        var served = await response.Content.ReadAsStringAsync();

        if (
            !string.Equals(
                Normalized(served),
                Normalized(await File.ReadAllTextAsync(FunctionAppCopy)),
                StringComparison.Ordinal
            )
        )
        {
            var current = Path.Combine(Path.GetTempPath(), "leadfunctions-openapi.json");
            await File.WriteAllTextAsync(current, served);
            Assert.Fail(
                $"{FunctionAppCopy} is not the document the runtime serves. Review the change and refresh it: cp "
                    + $"{current} {FunctionAppCopy}"
            );
        }
    }

    private static async Task<JsonDocument> DocumentAsync(TestHost host)
    {
        using var response = await host.Client.GetAsync("/api/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Line endings are the checkout's business (git may convert them), not the document's.</summary>
    private static string Normalized(string json) => json.ReplaceLineEndings("\n").TrimEnd();
}
