using LeadFunctions.Adapters;
using LeadFunctions.Host;
using LeadFunctions.Host.Configuration;
using LeadFunctions.Host.Http;
using LeadFunctions.Host.Queues;
using LeadFunctions.Host.Timers;
using LeadFunctions.Testing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadFunctions.FunctionApp.Tests.Triggers;

/// <summary>
/// The functions the self-hosted runtime serves, read from the app it builds (not started): its queue and
/// timer triggers, and the HTTP endpoints that carry <see cref="HttpFunctionMetadata"/> (with the route
/// prefix from the repo's host.json taken off as the Functions host does, and whether a rate limit applies).
/// </summary>
public static class SelfHostedBindings
{
    public static async Task<IReadOnlyDictionary<string, FunctionBinding>> ReadAsync()
    {
        var builder = LeadFunctionsHost.CreateBuilder([
            $"--contentRoot={AzuriteProcess.RepositoryRoot()}",
            "--environment=Testing",
            "--AzureWebJobsStorage=UseDevelopmentStorage=true",
        ]);
        await using var app = LeadFunctionsHost.Build(builder);
        var prefix = app.Services.GetRequiredService<IOptions<HttpOptions>>().Value.RoutePrefix.Trim('/');
        var functions = new Dictionary<string, FunctionBinding>(StringComparer.Ordinal);

        foreach (var queue in app.Services.GetServices<QueueTrigger>())
        {
            functions.Add(
                queue.FunctionName,
                FunctionBinding.QueueTrigger(queue.QueueName, StorageRegistration.ConnectionSetting)
            );
        }

        foreach (var timer in app.Services.GetServices<TimerTrigger>())
        {
            functions.Add(timer.FunctionName, FunctionBinding.TimerTrigger(timer.Schedule, timer.RunOnStartup));
        }

        var endpoints = ((IEndpointRouteBuilder)app)
            .DataSources.SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<HttpFunctionMetadata>() is not { } function)
            {
                continue;
            }

            var route = endpoint.RoutePattern.RawText!.Trim('/');
            if (prefix.Length > 0)
            {
                route = route.StartsWith(prefix + "/", StringComparison.Ordinal)
                    ? route[(prefix.Length + 1)..]
                    : throw new InvalidOperationException(
                        $"{function.FunctionName}: '{route}' is outside the route prefix '{prefix}'."
                    );
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            var rateLimited = endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null;
            functions.Add(
                function.FunctionName,
                FunctionBinding.Http(route, methods, function.Level.ToString(), rateLimited)
            );
        }

        return functions;
    }
}
