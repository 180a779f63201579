using LeadFunctions.Adapters;
using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Consent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Webinars;

public static class TeamsWebinarRegistration
{
    /// <summary>The route Graph posts notifications to, under Host:PublicBaseUrl.</summary>
    public const string NotificationPath = "api/webhooks/webinars/teams";

    /// <summary>Teams webinars: Graph and storage (<see cref="WebinarsRegistration.AddTeamsWebinars"/>), where Graph
    /// sends notifications (Host:PublicBaseUrl + <see cref="NotificationPath"/>, with Webhooks:Teams:ClientState),
    /// and the use cases.</summary>
    public static IHostApplicationBuilder AddTeamsWebinarFollowing(this IHostApplicationBuilder builder)
    {
        builder.AddTeamsWebinars();
        builder.Services.AddSingleton(provider => new TeamsSubscriptionTarget(
            new Uri(provider.GetRequiredService<IOptions<PublicUrlOptions>>().Value.BaseWithSlash, NotificationPath),
            provider.GetRequiredService<IOptions<WebhookOptions>>().Value.Teams.ClientState ?? string.Empty
        ));
        builder.Services.AddSingleton<TeamsWebinars>();
        return builder;
    }
}
