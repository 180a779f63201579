using LeadFunctions.Adapters.Workspace;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Adapters;

public static class WorkspaceRegistration
{
    /// <summary>
    /// Data protection for the workspace's cookies, its keys kept in the storage account (<see cref="BlobKeyRing"/>)
    /// under one application name, so that both hosts and every instance share them.
    /// </summary>
    public static IServiceCollection AddWorkspaceKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("LeadFunctions");
        services.AddSingleton<BlobKeyRing>();
        services
            .AddOptions<KeyManagementOptions>()
            .Configure<BlobKeyRing>((options, ring) => options.XmlRepository = ring);
        return services;
    }
}
