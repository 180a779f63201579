using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Sales;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.Functions.Sales;

/// <summary>
/// Sales' decisions on leads, and the handoff an MQL move sends after its write (the queue comes with the adapters).
/// </summary>
public static class SalesDecisionRegistration
{
    public static IServiceCollection AddSalesDecisions(this IServiceCollection services)
    {
        services.AddSingleton<SalesDecisionProcessor>();
        services.AddSingleton<ILeadChangeSubscriber, SalesHandoffSubscriber>();
        return services;
    }
}
