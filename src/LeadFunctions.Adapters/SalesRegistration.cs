using LeadFunctions.Adapters.Sales;
using LeadFunctions.Core.Sales;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LeadFunctions.Adapters;

public static class SalesRegistration
{
    public static IHostApplicationBuilder AddSalesHandoff(this IHostApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<SalesHandoffOptions>()
            .BindConfiguration(SalesHandoffOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHttpClient<ISalesHandoffWebhook, SalesHandoffWebhook>().AddStandardResilienceHandler();
        return builder;
    }
}
