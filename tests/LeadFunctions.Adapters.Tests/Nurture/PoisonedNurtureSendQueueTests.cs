using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;
using LeadFunctions.Adapters.Nurture;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Text;
using LeadFunctions.Testing;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Adapters.Tests.Nurture;

/// <summary>nurture-send-poison, read every minute by the nurture timer, on an Azurite of its own.</summary>
public sealed class PoisonedNurtureSendQueueTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly AzuriteProcess azurite = new(inMemory: true);
    private readonly NotFoundCounter notFound = new();

    public Task InitializeAsync() => azurite.StartAsync();

    public Task DisposeAsync() => azurite.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task TakeAsync_NoPoisonQueueYet_NothingTaken_NothingAskedForThatIsNotThere_ThenTheMessageOnceThere()
    {
        var prefix = "p" + Guid.NewGuid().ToString("N")[..8];
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }; // as the app's
        options.AddPolicy(notFound, HttpPipelinePosition.PerRetry);
        var service = new QueueServiceClient(azurite.ConnectionString, options);
        var poison = new PoisonedNurtureSendQueue(
            service,
            new StorageNames(Options.Create(new StorageOptions { NamePrefix = prefix }))
        );

        Assert.Empty(await poison.TakeAsync(32, TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Equal(0, notFound.Count); // each 404 would be a warning in the log, every minute

        var queue = service.GetQueueClient($"{prefix}-{QueueNames.Poison(QueueNames.NurtureSend)}");
        await queue.CreateAsync();
        var batch = NurtureSendBatch.Of(
            "d1",
            [new DueSend("a", "fair", "welcome", new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero))]
        );
        await queue.SendMessageAsync(JsonSerializer.Serialize(batch, JsonDefaults.Options));
        var taken = Assert.Single(await poison.TakeAsync(32, TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Equal("d1", taken.Batch.DispatchId);
        Assert.Equal(0, notFound.Count);
    }

    private sealed class NotFoundCounter : HttpPipelineSynchronousPolicy
    {
        public int Count;

        public override void OnReceivedResponse(HttpMessage message)
        {
            if (message.Response.Status == 404)
            {
                Interlocked.Increment(ref Count);
            }
        }
    }
}
