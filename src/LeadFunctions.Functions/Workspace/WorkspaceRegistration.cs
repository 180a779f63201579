using LeadFunctions.Adapters;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Workspace;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Workspace;

public static class WorkspaceRegistration
{
    /// <summary>The workspace's sessions (cookie authentication on the shared key ring), anti-forgery tokens, its
    /// door and the use cases only its pages call.</summary>
    public static IServiceCollection AddWorkspace(this IServiceCollection services)
    {
        services
            .AddOptions<WorkspaceOptions>()
            .BindConfiguration(WorkspaceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddWorkspaceKeyRing();
        services
            .AddAuthentication()
            .AddCookie(WorkspaceSession.Scheme, options =>
            {
                options.Cookie.Name = WorkspaceSession.CookieName;
                options.Cookie.Path = WorkspacePaths.Root;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.SlidingExpiration = false;
            });
        services
            .AddOptions<CookieAuthenticationOptions>(WorkspaceSession.Scheme)
            .Configure<IOptions<WorkspaceOptions>>(
                (cookie, workspace) =>
                {
                    cookie.ExpireTimeSpan = workspace.Value.SessionLifetime;
                    cookie.Cookie.SecurePolicy = SecurePolicy(workspace.Value);
                }
            );
        services.AddAntiforgery(options =>
        {
            options.FormFieldName = WorkspaceShell.TokenField;
            options.HeaderName = null;
            options.Cookie.Name = "lf_antiforgery";
            options.Cookie.Path = WorkspacePaths.Root;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services
            .AddOptions<AntiforgeryOptions>()
            .Configure<IOptions<WorkspaceOptions>>(
                (antiforgery, workspace) => antiforgery.Cookie.SecurePolicy = SecurePolicy(workspace.Value)
            );
        services.AddSingleton<WorkspaceGate>();
        services.AddSingleton<CampaignOverview>();
        services.AddSingleton<CampaignEditorForm>();
        services.AddSingleton<CampaignPreviewForm>();
        services.AddSingleton<Core.Nurture.CampaignTestSend>();
        services.AddSingleton<ImportPreview>();
        services.AddSingleton<StagedImports>();
        services.AddSingleton<LeadSearch>();
        services.AddSingleton<LeadFileReader>();
        services.AddSingleton<ConfirmedErasure>();
        return services;
    }

    private static CookieSecurePolicy SecurePolicy(WorkspaceOptions workspace) =>
        workspace.AlwaysSecure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
}
