using Azure.Core;
using Azure.Identity;
using LeadFunctions.Adapters.Webinars;
using LeadFunctions.Core.Webinars;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace LeadFunctions.Adapters;

public static class WebinarsRegistration
{
    /// <summary>The credential Graph is called with (keyed): the app registration's client credentials. Tests put a
    /// credential of their own under this key, since Entra ID's token endpoint cannot be stood in over plain
    /// HTTP.</summary>
    public const string GraphCredentialKey = "Graph";

    /// <summary>
    /// Teams webinars through Microsoft Graph: the Graph client (client credentials; Graph:BaseUrl for a stand-in),
    /// the followed webinars' table and the teams-notifications queue. Without Graph:TenantId, ClientId and
    /// ClientSecret every Graph call fails, naming them.
    /// </summary>
    public static IHostApplicationBuilder AddTeamsWebinars(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services
            .AddOptions<GraphOptions>()
            .BindConfiguration(GraphOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddKeyedSingleton<TokenCredential>(GraphCredentialKey, (provider, _) =>
        {
            var options = provider.GetRequiredService<IOptions<GraphOptions>>().Value;
            return options.IsConfigured
                ? new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret)
                : new UnsetCredential();
        });
        services.AddSingleton(provider =>
        {
            var baseUrl = provider.GetRequiredService<IOptions<GraphOptions>>().Value.BaseUrl
                ?? GraphOptions.DefaultBaseUrl;

            // The token goes to the base address's host only (Graph's own, or the stand-in's).
            var authentication = new AzureIdentityAuthenticationProvider(
                provider.GetRequiredKeyedService<TokenCredential>(GraphCredentialKey),
                [baseUrl.Host],
                scopes: GraphOptions.Scope
            );

            // The SDK's own handlers (retry on 429 and 5xx with Retry-After, redirects, compression).
            return new GraphServiceClient(
                GraphClientFactory.Create(),
                authentication,
                baseUrl.AbsoluteUri.TrimEnd('/')
            );
        });
        services.AddSingleton<ITeamsGraph, GraphTeamsWebinars>();
        services.AddSingleton<ITeamsSubscriptionStore, TeamsSubscriptionTableStore>();
        services.AddSingleton<ITeamsNotificationQueue, TeamsNotificationQueue>();
        return builder;
    }

    /// <summary>Graph's app registration is not set: every call says which settings are missing.</summary>
    private sealed class UnsetCredential : TokenCredential
    {
        private const string Missing =
            "Graph:TenantId, Graph:ClientId and Graph:ClientSecret are required to call Microsoft Graph.";

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new WebinarPlatformException(Missing, notSetUp: true);

        public override ValueTask<AccessToken> GetTokenAsync(
            TokenRequestContext requestContext,
            CancellationToken cancellationToken
        ) => throw new WebinarPlatformException(Missing, notSetUp: true);
    }
}
