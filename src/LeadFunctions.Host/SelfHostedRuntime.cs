using LeadFunctions.Functions.Workspace;
using LeadFunctions.Host.Configuration;
using LeadFunctions.Host.Http;
using LeadFunctions.Host.Queues;
using LeadFunctions.Host.Timers;

namespace LeadFunctions.Host;

/// <summary>The self-hosted Functions runtime: configuration files, keys, queue listeners and timers.</summary>
public static class SelfHostedRuntime
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static WebApplicationBuilder AddSelfHostedRuntime(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddFunctionsFiles(builder.Environment.ContentRootPath);
        // Core Tools' address unless told otherwise: --urls / ASPNETCORE_URLS, or ASPNETCORE_HTTP_PORTS as
        // the .NET container images set (8080), which must not be overridden by a loopback default.
        string[] addressKeys =
        [
            WebHostDefaults.ServerUrlsKey,
            WebHostDefaults.HttpPortsKey,
            WebHostDefaults.HttpsPortsKey,
        ];
        if (addressKeys.All(key => string.IsNullOrEmpty(builder.Configuration[key])))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var services = builder.Services;
        services.AddOptions<HttpOptions>().BindConfiguration(HttpOptions.SectionName);
        services.AddOptions<HostKeysOptions>().BindConfiguration(HostKeysOptions.SectionName);
        services.AddSingleton<HostKeys>();
        services.AddSingleton<IWorkspaceKeys>(p => p.GetRequiredService<HostKeys>());
        services
            .AddOptions<QueuesOptions>()
            .BindConfiguration(QueuesOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services
            .AddOptions<RuntimeQueueOptions>()
            .BindConfiguration(RuntimeQueueOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<TimerLockOptions>().BindConfiguration(TimerLockOptions.SectionName);
        services.AddSingleton(provider => new FunctionTimeout(
            FunctionTimeout.Parse(provider.GetRequiredService<IConfiguration>()[FunctionTimeout.Key]),
            provider.GetRequiredService<TimeProvider>()
        ));
        services.AddRuntimeProblems();
        services.AddIntakeProtection();
        return builder;
    }

    /// <summary>
    /// The queue listeners and timers, registered after the pipeline: hosted services start in order, so
    /// its storage initializer has created the queues before the first receive (not a 404 warning each).
    /// </summary>
    public static IServiceCollection AddFunctionListeners(this IServiceCollection services) =>
        services.AddHostedService<QueueListenerService>().AddHostedService<TimerListenerService>();
}
