using LeadFunctions.Adapters.Campaigns;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Functions.Consent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Nurture;

/// <summary>Scheduling and sending nurture emails, the campaign stats and the preview (<c>Nurture:*</c>, bound and
/// validated by the consent module).</summary>
public static class NurtureRegistration
{
    public static IServiceCollection AddNurture(this IServiceCollection services)
    {
        services.AddSingleton(p => p.GetRequiredService<IOptions<NurtureOptions>>().Value.ToRules());
        services.AddSingleton(p => p.GetRequiredService<IOptions<NurtureOptions>>().Value.ToSpamBrake());
        services.AddSingleton<SpamBrake>();
        services.AddSingleton<IRecipientTimeZones>(p => new PhoneTimeZones(
            p.GetRequiredService<IOptions<NurtureOptions>>().Value.ToDefaultZone()
        ));
        services.AddSingleton<NurtureRenderer>();
        services.AddSingleton<CampaignPreview>();
        services.AddSingleton<NurtureSendRules>();
        services.AddSingleton<NurtureSender>();
        services.AddSingleton<NurtureBatchDelivery>();
        services.AddSingleton<NurtureScheduler>();
        services.AddSingleton<NurtureRedrive>();
        return services;
    }
}
