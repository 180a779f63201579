using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.Host.Configuration;
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
