using LeadFunctions.Adapters;
using LeadFunctions.Core.Intake;
using LeadFunctions.Functions.Health;
using LeadFunctions.Functions.Leads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LeadFunctions.Functions;

/// <summary>Everything the functions need, for either host: the self-hosted runtime and the Azure Functions worker both call this.</summary>
public static class LeadPipelineRegistration
{
    public static IHostApplicationBuilder AddLeadPipeline(this IHostApplicationBuilder builder)
    {
        builder.AddLeadStorage();
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LeadIntakeProcessor>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");

        services.AddSingleton<SubmitLeadHttpFunction>();
        services.AddSingleton<GetLeadHttpFunction>();
        services.AddSingleton<GetHealthHttpFunction>();
        services.AddSingleton<ProcessLeadIntakeQueueFunction>();
        return builder;
    }
}
