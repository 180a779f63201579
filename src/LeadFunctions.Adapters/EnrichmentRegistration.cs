using LeadFunctions.Adapters.Enrichment;
using LeadFunctions.Core.Enrichment;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LeadFunctions.Adapters;

public static class EnrichmentRegistration
{
    public static IHostApplicationBuilder AddLeadEnrichment(this IHostApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<EnrichmentOptions>()
            .BindConfiguration(EnrichmentOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<IMxChecker, DnsMxChecker>();
        builder.Services.AddSingleton<ILeadEnricher, LeadEnricher>();
        return builder;
    }
}
