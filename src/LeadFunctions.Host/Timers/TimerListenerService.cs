using Azure.Storage.Blobs;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Host.Configuration;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Host.Timers;

/// <summary>Runs one <see cref="TimerListener"/> per registered <see cref="TimerTrigger"/>.</summary>
internal sealed class TimerListenerService(
    IEnumerable<TimerTrigger> triggers,
    BlobServiceClient blobs,
    StorageNames names,
    IConfiguration configuration,
    IOptions<TimerLockOptions> locks,
    FunctionTimeout timeout,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILoggerFactory loggers
) : BackgroundService
{
    /// <summary>The container the Functions host keeps its timer status and locks in.</summary>
    private const string HostsContainer = "azure-webjobs-hosts";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Both hosts must agree on the host id to share locks and status (AzureFunctionsWebHost__hostid).
        var hostId = configuration["AzureFunctionsWebHost:hostid"] ?? "leadfunctions";
        var container = blobs.GetBlobContainerClient(names.Container(HostsContainer));
        var singleton = new SingletonLease(container, hostId, locks.Value.ListenerLockPeriod);
        var monitor = new ScheduleMonitor(container, hostId);
        var listeners = triggers
            .Where(t => !FunctionSwitches.IsDisabled(configuration, t.FunctionName))
            .Select(trigger => new TimerListener(
                trigger,
                TimerSchedule.Parse(trigger.Schedule, configuration),
                singleton,
                monitor,
                locks.Value,
                timeout,
                scopes,
                time,
                loggers.CreateLogger($"Function.{trigger.FunctionName}")
            ));
        return Task.WhenAll(listeners.Select(l => l.RunAsync(stoppingToken)));
    }
}
