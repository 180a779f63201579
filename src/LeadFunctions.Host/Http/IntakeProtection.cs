using System.Globalization;
using System.Threading.RateLimiting;
using LeadFunctions.Functions.Intake;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Host.Http;

/// <summary>
/// The anonymous web-form route's protection on this runtime: CORS for the configured origins, and a
/// per-IP fixed window answered with 429 + Retry-After. (On Azure, CORS is platform configuration.)
/// </summary>
internal static class IntakeProtection
{
    public const string Policy = "intake";

    public static IServiceCollection AddIntakeProtection(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<IntakeOptions>>((cors, intake) =>
            cors.AddPolicy(Policy, policy => policy
                .WithOrigins([.. intake.Value.Origins])
                .WithMethods("POST")
                .WithHeaders("Content-Type", "Idempotency-Key")));

        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptionsMonitor<IntakeOptions>>().CurrentValue.PermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem("Too many submissions from this address; try again later.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.")
                    .ExecuteAsync(context.HttpContext);
            };
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
