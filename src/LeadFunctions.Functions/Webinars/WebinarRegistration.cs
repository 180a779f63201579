using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Webinars;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.Functions.Webinars;

/// <summary>What the webinar webhooks and the webinar's end need: the intake, the registrations every webinar event's
/// lead write keeps current, the no-shows of an end, and the schedule of a platform that sends no end.</summary>
public static class WebinarRegistration
{
    public static IServiceCollection AddWebinars(this IServiceCollection services) =>
        services
            .AddSingleton<WebinarIntake>()
            .AddSingleton<WebinarNoShows>()
            .AddSingleton<WebinarSchedule>()
            .AddSingleton<ILeadChangeSubscriber, RegistrationSubscriber>();
}
