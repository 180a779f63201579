using LeadFunctions.Core.Dashboard;
using LeadFunctions.Functions.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Dashboard;

public static class DashboardRegistration
{
    /// <summary>The dashboard's use case; a queue is overdue past Health:MaxQueueWait (MaxRescoreWait).</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services) =>
        services
            .AddSingleton<IQueueWaitLimits>(sp => sp.GetRequiredService<IOptions<HealthOptions>>().Value)
            .AddSingleton<DashboardBuilder>();
}
