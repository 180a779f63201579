using Azure.Storage.Queues;
using LeadFunctions.Core.Queues;
using Microsoft.Extensions.Hosting;

namespace LeadFunctions.Adapters.Storage;

/// <summary>Creates the tables and queues on start when they are missing (docs/storage.md).</summary>
internal sealed class StorageInitializer(LeadTables tables, QueueServiceClient queues, StorageNames names)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var work = tables
            .All.Select(t => t.CreateIfNotExistsAsync(cancellationToken) as Task)
            .Concat(
                QueueNames.All.Select(q =>
                    queues.GetQueueClient(names.Queue(q)).CreateIfNotExistsAsync(cancellationToken: cancellationToken)
                )
            );
        await Task.WhenAll(work);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
