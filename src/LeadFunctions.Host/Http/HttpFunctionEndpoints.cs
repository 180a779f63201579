using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Intake;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.Host.Configuration;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Host.Http;

public static class HttpFunctionEndpoints
{
    /// <summary>The route group every HTTP function lives in: "{routePrefix}" from host.json.</summary>
    public static RouteGroupBuilder MapFunctionsGroup(this IEndpointRouteBuilder app)
    {
        var prefix = app.ServiceProvider.GetRequiredService<IOptions<HttpOptions>>().Value.RoutePrefix.Trim('/');
        return app.MapGroup(prefix.Length == 0 ? string.Empty : "/" + prefix);
    }

    /// <summary>Names the endpoint after its function class and states its authorization level, as a Functions HTTP
    /// trigger does.</summary>
    public static RouteHandlerBuilder AsFunction<TFunction>(
        this RouteHandlerBuilder endpoint,
        AuthorizationLevel level
    ) => endpoint.AsFunction(typeof(TFunction).Name, level, typeof(TFunction));

    /// <summary>As above, for the runtime's own function without a declared class (the OpenAPI document).</summary>
    public static RouteHandlerBuilder AsFunction(
        this RouteHandlerBuilder endpoint,
        string functionName,
        AuthorizationLevel level,
        Type? functionType = null
    )
    {
        endpoint.WithName(functionName).WithMetadata(new HttpFunctionMetadata(functionName, level, functionType));
        if (
            functionType?.GetCustomAttributes(typeof(HttpFunctionAttribute), false)
            is [HttpFunctionAttribute { Page: true }]
        )
        {
            endpoint.ExcludeFromDescription();
        }

        endpoint.AddEndpointFilterFactory(
            (factory, next) =>
            {
                var configuration = factory.ApplicationServices.GetRequiredService<IConfiguration>();
                return context =>
                    FunctionSwitches.IsDisabled(configuration, functionName)
                        ? ValueTask.FromResult<object?>(Problems.Disabled(functionName))
                        : next(context);
            }
        );
        if (level != AuthorizationLevel.Anonymous)
        {
            endpoint.AddEndpointFilterFactory(
                (factory, next) =>
                {
                    var filter = new FunctionKeyFilter(
                        level,
                        factory.ApplicationServices.GetRequiredService<HostKeys>()
                    );
                    return context => filter.InvokeAsync(context, next);
                }
            );
        }

        return endpoint;
    }

    /// <summary>CORS for the form sites and the intake rate limit per client
    /// (<see cref="HttpFunctionAttribute.PublicIntake"/>).</summary>
    public static RouteHandlerBuilder AsPublicIntake(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireCors(IntakeProtection.Policy).RequireRateLimiting(IntakeProtection.Policy);
}

/// <summary>
/// The anonymous web-form route's protection on this runtime: CORS for the configured origins, and the
/// per-IP limit of <see cref="IntakeRateLimit"/>. (On Azure, CORS is platform configuration and the limit
/// runs in the worker's middleware.)
/// </summary>
internal static class IntakeProtection
{
    public const string Policy = "intake";

    public static IServiceCollection AddIntakeProtection(this IServiceCollection services)
    {
        services.AddCors();
        services
            .AddOptions<CorsOptions>()
            .Configure<IOptions<IntakeOptions>>(
                (cors, intake) =>
                    cors.AddPolicy(Policy, policy =>
                        policy
                            .WithOrigins([.. intake.Value.Origins])
                            .WithMethods("POST")
                            .WithHeaders("Content-Type", "Idempotency-Key")
                    )
            );

        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context =>
                IntakeRateLimit.For(
                    context.Connection.RemoteIpAddress,
                    context
                        .RequestServices.GetRequiredService<IOptionsMonitor<IntakeOptions>>()
                        .CurrentValue.PermitsPerMinute
                )
            );
            limiter.OnRejected = (context, _) =>
                new ValueTask(IntakeRateLimit.Rejected(context.Lease).ExecuteAsync(context.HttpContext));
        });
        return services;
    }

    public static WebApplication UseIntakeProtection(this WebApplication app)
    {
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }
}
