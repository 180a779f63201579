using System.Diagnostics;
using Azure;
using Azure.Storage.Queues;
using LeadFunctions.Adapters.Queues;
using LeadFunctions.Testing;

namespace LeadFunctions.Adapters.Tests.Queues;

/// <summary>What <see cref="QueueMessageSize"/> lets through, storage takes.</summary>
public sealed class QueueMessageSizeStorageTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly AzuriteProcess azurite = new(inMemory: true);

    public Task InitializeAsync() => azurite.StartAsync();

    public Task DisposeAsync() => azurite.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task MessageAtTheLimit_WithTheLongestTraceContext_Taken_AndTextOneByteOverTheLimit_Refused()
    {
        var name = "size-" + Guid.NewGuid().ToString("N")[..12];
        var raw = Client(name, QueueMessageEncoding.None);
        var base64 = Client(name, QueueMessageEncoding.Base64);
        await raw.CreateAsync();
        using var sender = new Activity("send").SetIdFormat(ActivityIdFormat.W3C).Start();
        sender.TraceStateString = new string('t', 512);
        var atTheLimit = new { text = new string('x', QueueMessageSize.MaxJsonBytes - """{"text":""}""".Length) };
        Assert.True(QueueMessageSize.Fits(atTheLimit));

        await base64.SendMessageAsync(QueueTraceContext.Serialize(atTheLimit, sender));
        await raw.SendMessageAsync(new string('x', QueueMessageSize.MaxTextBytes));
        var overTheLimit = new string('x', QueueMessageSize.MaxTextBytes + 1);
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => raw.SendMessageAsync(overTheLimit));

        Assert.Equal(413, refused.Status);
        Assert.Equal(2, (await raw.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        await raw.DeleteAsync();
    }

    private QueueClient Client(string name, QueueMessageEncoding encoding) =>
        new(azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = encoding });
}
