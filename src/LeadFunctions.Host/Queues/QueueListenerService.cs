using Azure.Storage.Queues;
using LeadFunctions.Adapters.Queues;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Queues;
using LeadFunctions.Host.Configuration;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Host.Queues;

/// <summary>Runs one <see cref="QueueListener"/> per registered <see cref="QueueTrigger"/>.</summary>
internal sealed class QueueListenerService(
    IEnumerable<QueueTrigger> triggers,
    IAzureClientFactory<QueueServiceClient> clients,
    StorageNames names,
    IOptions<QueuesOptions> options,
    IOptions<RuntimeQueueOptions> runtime,
    IHostEnvironment environment,
    QueueWriteSignal signal,
    FunctionTimeout timeout,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    TimeProvider time,
    ILoggerFactory loggers
) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Listeners receive the raw text and decode it themselves, so a body that is not base64 can be
        // recognised and moved to the poison queue as it is.
        var raw = clients.CreateClient(StorageClientNames.RawQueues);
        var settings = options.Value;
        var maxPolling = settings.EffectiveMaxPollingInterval(environment.IsDevelopment());
        var listeners = triggers
            .Where(t => !FunctionSwitches.IsDisabled(configuration, t.FunctionName))
            .Select(trigger =>
            {
                var queueName = names.Queue(trigger.QueueName);
                return new QueueListener(
                    trigger,
                    raw.GetQueueClient(queueName),
                    raw.GetQueueClient(QueueNames.Poison(queueName)),
                    settings,
                    maxPolling,
                    runtime.Value.MessageLease,
                    signal,
                    timeout,
                    scopes,
                    time,
                    loggers.CreateLogger($"Function.{trigger.FunctionName}")
                );
            });
        return Task.WhenAll(listeners.Select(l => l.RunAsync(stoppingToken)));
    }
}
