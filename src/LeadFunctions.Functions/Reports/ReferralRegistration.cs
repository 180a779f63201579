using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Referrals;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.Functions.Reports;

/// <summary>The referral index, which every write of a referred lead keeps current.</summary>
public static class ReferralRegistration
{
    public static IServiceCollection AddReferrals(this IServiceCollection services) =>
        services.AddSingleton<ILeadChangeSubscriber, ReferralSubscriber>();
}
