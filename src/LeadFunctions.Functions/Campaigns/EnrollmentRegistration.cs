using LeadFunctions.Core.Campaigns;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>Enrollment by hand and the SendGrid events that mark a campaign's steps.</summary>
public static class EnrollmentRegistration
{
    public static IServiceCollection AddCampaignEnrollment(this IServiceCollection services)
    {
        services.AddSingleton<HandEnrollment>();
        services.AddSingleton<NurtureEventRecorder>();
        return services;
    }
}
