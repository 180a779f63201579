using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Intake;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Host.Http;

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
