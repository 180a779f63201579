using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Core.Processing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>
/// The campaign functions (their storage and catalog come with the lead storage), and what a lead change means for the
/// campaigns: the enrollments it plans, their due sends and the stats it counts.
/// </summary>
public static class CampaignRegistration
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddSingleton<CampaignEditor>();
        services.AddSingleton<CampaignSwitch>();
        services.AddSingleton<CampaignResults>();
        services.AddSingleton<HeldSendRelease>();
        services.AddSingleton<ILeadChangeSubscriber, NurturePlanner>();
        services.AddSingleton<ILeadChangeSubscriber, DueSendSubscriber>();
        services.AddSingleton<ILeadChangeSubscriber, CampaignStatsSubscriber>();
        return services;
    }
}
