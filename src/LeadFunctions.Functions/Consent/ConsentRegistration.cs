using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Consent;

/// <summary>
/// The consent ledger's rules, tokens and links, from <c>Consent:*</c> and <c>Host:PublicBaseUrl</c>, validated on
/// start; and the ledger row a lead from before the ledger gets with its next write.
/// </summary>
public static class ConsentRegistration
{
    public static IServiceCollection AddConsent(this IServiceCollection services)
    {
        services
            .AddOptions<ConsentOptions>()
            .BindConfiguration(ConsentOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services
            .AddOptions<PublicUrlOptions>()
            .BindConfiguration(PublicUrlOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(p => p.GetRequiredService<IOptions<ConsentOptions>>().Value.ToSettings());
        services.AddSingleton(p => p.GetRequiredService<IOptions<ConsentOptions>>().Value.ToTokens());
        services.AddSingleton(p => new ConsentLinks(
            p.GetRequiredService<IOptions<PublicUrlOptions>>().Value.BaseWithSlash,
            p.GetRequiredService<ConsentTokens>()
        ));
        services
            .AddOptions<NurtureOptions>()
            .BindConfiguration(NurtureOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(p => p.GetRequiredService<IOptions<NurtureOptions>>().Value.ToSender());
        services.AddSingleton<IConsentRecorder, ConsentRecorder>();
        services.AddSingleton<ConsentLinkActions>();
        services.AddSingleton<ConsentConfirmationSender>();
        services.AddSingleton<ConsentImportProcessor>();
        services.AddSingleton<IysConsentExport>();
        services.AddSingleton<ILeadChangeSubscriber, LegacyConsentSubscriber>();
        return services;
    }
}
