using LeadFunctions.Adapters.Health;
using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Queues;
using LeadFunctions.Host.Queues;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.IntegrationTests.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.IntegrationTests.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class QueueListenerTests(AzuriteFixture azurite)
{
    private const string TestQueue = "runtime-test";
    private readonly RecordingFunction function = new();

    private Task<TestHost> StartAsync(string? prefix = null, params string[] settings) =>
        TestHost.StartAsync(azurite, Register, prefix, settings: settings);

    private void Register(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(function);
        builder.Services.AddQueueTrigger<RecordingFunction, TestMessage>("Recording", TestQueue, (f, m, ct) =>
            f.RunAsync(m, ct)
        );
    }

    /// <summary>The test queue, created, with one message on it.</summary>
    private static async Task<Azure.Storage.Queues.QueueClient> SendAsync(TestHost host, string text)
    {
        var queue = host.Queue(TestQueue);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(BinaryData.FromObjectAsJson(new TestMessage(text)));
        return queue;
    }

    [Fact]
    public async Task Listener_AlwaysFailingMessage_PoisonedAfterFiveTries_HostKeepsWorking()
    {
        await using var host = await StartAsync();
        var queue = await SendAsync(host, "fail");

        var poison = host.Queue(QueueNames.Poison(TestQueue));
        var poisoned = await Eventually.GetAsync(
            async () => (await poison.ExistsAsync()).Value ? (await poison.ReceiveMessageAsync()).Value : null,
            because: "the poison message"
        );

        Assert.Equal(5, function.Calls.Count(c => c == "fail"));
        Assert.Equal("fail", poisoned.Body.ToObjectFromJson<TestMessage>()!.Text);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);

        await queue.SendMessageAsync(BinaryData.FromObjectAsJson(new TestMessage("ok")));
        await Eventually.TrueAsync(
            () => Task.FromResult(function.Completed == 1),
            because: "the next message after the poisoned one"
        );
    }

    [Fact]
    public async Task Listener_BodyNotBase64_PoisonedWithoutRunning()
    {
        await using var host = await StartAsync();
        await host.Queue(TestQueue, raw: true).CreateIfNotExistsAsync();
        await host.Queue(TestQueue, raw: true).SendMessageAsync("{not base64}");

        var poison = host.Queue(QueueNames.Poison(TestQueue), raw: true);
        var poisoned = await Eventually.GetAsync(async () =>
            (await poison.ExistsAsync()).Value ? (await poison.ReceiveMessageAsync()).Value : null
        );
        Assert.Equal("{not base64}", poisoned.Body.ToString());
        Assert.Empty(function.Calls);
    }

    [Fact]
    public async Task Listener_StoppedWhileFunctionRuns_FinishesAndDeletesTheMessage()
    {
        var host = await StartAsync();
        var queue = await SendAsync(host, "slow");
        await function.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        await host.DisposeAsync();

        Assert.Equal(1, function.Completed);
        var properties = await queue.GetPropertiesAsync();
        Assert.Equal(0, properties.Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Listener_MessageGoneBeforeItsDelete_NotReportedAsToBeDeliveredAgain()
    {
        // As when the delete's first try succeeded but its answer was lost, and the SDK's retry finds nothing.
        var logs = new LogRecorder();
        await using var host = await TestHost.StartAsync(azurite, builder =>
        {
            Register(builder);
            builder.Logging.AddProvider(logs).AddFilter<LogRecorder>(null, LogLevel.Debug);
        });
        var queue = await SendAsync(host, "slow");
        await function.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        await queue.ClearMessagesAsync(); // gone while its function runs

        await Eventually.TrueAsync(() => Task.FromResult(function.Completed == 1), because: "the function");
        await Eventually.TrueAsync(
            () => Task.FromResult(logs.Entries.Any(e => e.Contains("already gone when completed"))),
            because: "the delete's 404 seen"
        );
        Assert.DoesNotContain(logs.Entries, e => e.Contains("it will be delivered again"));
    }

    [Fact]
    public async Task Listener_FunctionOutlastsTheLease_LeaseIsRenewedAndTheMessageRunsOnce()
    {
        await using var host = await StartAsync(settings: "--Runtime:Queues:MessageLease=00:00:10");
        var queue = await SendAsync(host, "longer-than-the-lease");

        await Eventually.TrueAsync(
            () => Task.FromResult(function.Completed == 1),
            TimeSpan.FromSeconds(30),
            "the long function"
        );
        await Task.Delay(1000);
        Assert.Single(function.Calls);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Theory]
    [InlineData("hangs-the-first-time")]
    [InlineData("returns-on-the-token-the-first-time")]
    public async Task Listener_FunctionPastFunctionTimeout_IsCancelledAndTriedAgain(string text)
    {
        await using var host = await StartAsync(settings: "--AzureFunctionsJobHost:functionTimeout=00:00:01");
        var queue = await SendAsync(host, text);

        await Eventually.TrueAsync(
            () => Task.FromResult(function.Completed == 1),
            because: "the second delivery, after the first was cancelled"
        );
        await Eventually.TrueAsync(
            async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0,
            because: "the message deleted"
        );
        Assert.Equal(2, function.Calls.Count);
    }

    [Fact]
    public async Task Lease_MessageGoneWhileRenewing_StopsQuietly()
    {
        var queue = new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, $"{TestHost.NewPrefix()}-lease");
        await queue.CreateAsync();
        await queue.SendMessageAsync("work");
        var message = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(2))).Value;

        await using var lease = new LeadFunctions.Host.Queues.MessageLease(
            queue,
            message,
            TimeSpan.FromSeconds(2),
            TimeProvider.System
        );
        lease.StartRenewing();
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt); // deleted under the running function
        await Task.Delay(1500); // the renewal at 1 s gets a 404

        await lease.StopRenewingAsync(); // the function's message is then completed as usual, not failed by its lease
        await queue.DeleteAsync();
    }

    [Fact]
    public async Task Listener_IdleQueue_BacksOffInsteadOfPollingConstantly()
    {
        await using var host = await StartAsync(
            settings: "--AzureFunctionsJobHost:extensions:queues:maxPollingInterval=00:00:01"
        );
        var counter = host.Services.GetRequiredService<StorageOperationCounter>();
        await Task.Delay(1000);
        var before = counter.Total;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(4));
        var polls = counter.Total - before;
        var seconds = watch.Elapsed.TotalSeconds;

        // Every listener (the pipeline's queues and the test queue) polls about once a second once backed
        // off, one poll more if it was still backing off when the count began, and the timer's lock
        // renewal adds at most one request; polling every 100 ms would be 10 per listener and second.
        var listeners = host.Services.GetServices<QueueTrigger>().Count();
        Assert.InRange(polls, listeners * 3, (listeners * ((int)Math.Ceiling(seconds) + 2)) + 1);
    }

    [Fact]
    public async Task Listener_WriteFromSameProcess_CutsTheBackOffShort()
    {
        await using var host = await StartAsync(
            settings: "--AzureFunctionsJobHost:extensions:queues:maxPollingInterval=00:00:30"
        );
        await host.Queue(TestQueue).CreateIfNotExistsAsync();
        await Task.Delay(TimeSpan.FromSeconds(6)); // backed off to several seconds between polls

        var sent = DateTime.UtcNow;
        await host
            .Services.GetRequiredService<QueueMessageSender>()
            .SendAsync(TestQueue, new TestMessage("ok"), default);
        await Eventually.TrueAsync(() => Task.FromResult(function.Completed == 1));
        Assert.True(DateTime.UtcNow - sent < TimeSpan.FromSeconds(1.5), $"Took {DateTime.UtcNow - sent}.");
    }
}
