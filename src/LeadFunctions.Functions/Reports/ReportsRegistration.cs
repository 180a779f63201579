using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.Functions.Reports;

/// <summary>The funnel counters every stage move adds to (their table comes with the lead storage).</summary>
public static class ReportsRegistration
{
    public static IServiceCollection AddReports(this IServiceCollection services) =>
        services.AddSingleton<ILeadChangeSubscriber, FunnelSubscriber>();
}
