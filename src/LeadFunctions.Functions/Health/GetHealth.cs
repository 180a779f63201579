using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadFunctions.Functions.Health;

/// <summary>GET /api/health: 200 when healthy or degraded, 503 when something the pipeline needs is down.</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = "health",
    Summary = "Health, including storage reachability and overdue work; 503 when something the pipeline needs is "
        + "down."
)]
public sealed class GetHealth(HealthCheckService health)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var body = new HealthView(
            report.Status.ToString(),
            report
                .Entries.Select(e => new HealthCheckView(
                    e.Key,
                    e.Value.Status.ToString(),
                    e.Value.Description,
                    e.Value.Data
                ))
                .ToList()
        );
        return TypedResults.Json(
            body,
            statusCode: report.Status == HealthStatus.Unhealthy
                ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status200OK
        );
    }
}

public sealed record HealthView(string Status, IReadOnlyList<HealthCheckView> Checks);

public sealed record HealthCheckView(
    string Name,
    string Status,
    string? Description,
    IReadOnlyDictionary<string, object> Data
);
