using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Nurture;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>The campaign functions (their storage and catalog come with the lead storage).</summary>
public static class CampaignRegistration
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddSingleton<CampaignEditor>();
        services.AddSingleton<CampaignSwitch>();
        services.AddSingleton<HeldSendRelease>();
        return services;
    }
}
