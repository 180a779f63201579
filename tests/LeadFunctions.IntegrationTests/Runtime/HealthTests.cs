using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using LeadFunctions.Core.Queues;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class HealthTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Health_StorageReachable_200Healthy()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var response = await host.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());

        // What the process costs: storage operations counted by the SDK pipeline policy, and memory.
        var runtime = body
            .RootElement.GetProperty("checks")
            .EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "runtime")
            .GetProperty("data");
        Assert.True(runtime.GetProperty("storageOperations").GetInt64() > 0);
        Assert.True(runtime.GetProperty("workingSetBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task Health_TableReads_CountsRowsPerTable()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var table = host
            .Services.GetRequiredService<TableServiceClient>()
            .GetTableClient("rows" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateAsync();
        await table.SubmitTransactionAsync(
            Enumerable
                .Range(0, 3)
                .Select(i => new TableTransactionAction(
                    TableTransactionActionType.Add,
                    new TableEntity("p", $"r{i}") { ["value"] = i }
                ))
        );
        await host.Queue(QueueNames.LeadIntake).PeekMessagesAsync();

        // A query of three rows, one of none, a point read and a miss: 4 rows, whatever the queue's GET answered.
        Assert.Equal(
            3,
            await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"p"}")).CountAsync()
        );
        Assert.Equal(
            0,
            await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"none"}")).CountAsync()
        );
        await table.GetEntityAsync<TableEntity>("p", "r1");
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "missing")).HasValue);

        using var body = JsonDocument.Parse(await host.Client.GetStringAsync("/api/health"));
        var runtime = body
            .RootElement.GetProperty("checks")
            .EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "runtime")
            .GetProperty("data");
        Assert.Equal(4, runtime.GetProperty("tableRowsRead").GetProperty(table.Name).GetInt64());
    }

    [Fact]
    public async Task Health_NoPoisonQueuesYet_AsksForNothingThatIsNotThere()
    {
        var notFound = new NotFoundCounter();
        await using var host = await TestHost.StartAsync(azurite, b =>
            b.Services.PostConfigureAll<QueueClientOptions>(o => o.AddPolicy(notFound, HttpPipelinePosition.PerRetry))
        );
        await Task.Delay(500);

        // A fresh account: the listeners' first receives came after the queues were created.
        Assert.Equal(0, Interlocked.Exchange(ref notFound.Count, 0));

        using var response = await host.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            0,
            body.RootElement.GetProperty("checks")[0].GetProperty("data").GetProperty("lead-intake-poison").GetInt32()
        );
        Assert.Equal(0, Volatile.Read(ref notFound.Count)); // each 404 is a warning in the log, on every probe
    }

    [Fact]
    public async Task Health_MessageInPoisonQueue_ReportsDegradedWithCount()
    {
        await using var host = await TestHost.StartAsync(azurite);

        // Not JSON of a submission: the intake function fails on it every time.
        await host.Queue(QueueNames.LeadIntake).SendMessageAsync("this is not a lead");
        await Eventually.TrueAsync(
            async () =>
                (await host.Queue(QueueNames.Poison(QueueNames.LeadIntake)).ExistsAsync()).Value
                && (await host.Queue(QueueNames.Poison(QueueNames.LeadIntake)).GetPropertiesAsync())
                    .Value
                    .ApproximateMessagesCount == 1,
            because: "the poison queue"
        );

        using var response = await host.Client.GetAsync("/api/health");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(
            1,
            body.RootElement.GetProperty("checks")[0].GetProperty("data").GetProperty("lead-intake-poison").GetInt32()
        );
    }

    [Fact]
    public async Task Health_WorkWaitingLongerThanMaxQueueWait_ReportsDegraded()
    {
        await using var host = await TestHost.StartAsync(
            azurite,
            settings: ["--AzureWebJobs.ProcessLeadIntake.Disabled=true", "--Health:MaxQueueWait=00:00:02"]
        );
        using var healthy = await host.Client.GetAsync("/api/health");
        Assert.Equal(
            "Healthy",
            JsonDocument.Parse(await healthy.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString()
        );

        using var posted = await host.Client.PostAsJsonAsync("/api/leads", new { email = "waiting@acme.com" });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var description = await Eventually.GetAsync(
            async () =>
            {
                using var response = await host.Client.GetAsync("/api/health");
                var storage = JsonDocument
                    .Parse(await response.Content.ReadAsStringAsync())
                    .RootElement.GetProperty("checks")[0];
                return storage.GetProperty("status").GetString() == "Degraded"
                    ? storage.GetProperty("description").GetString()
                    : null;
            },
            because: "the intake queue's message to be older than 2 s"
        );
        Assert.Contains("lead-intake", description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:01:00", "Healthy")]
    [InlineData("00:00:01", "Degraded")]
    public async Task Health_RescorePartsWaitingTheirTurn_OverdueOnlyPastMaxRescoreWait(
        string maxRescoreWait,
        string status
    )
    {
        await using var host = await TestHost.StartAsync(
            azurite,
            settings:
            [
                "--AzureWebJobs.RescoreLeadPart.Disabled=true",
                "--Health:MaxQueueWait=00:00:01",
                $"--Health:MaxRescoreWait={maxRescoreWait}",
            ]
        );
        var part = new Core.Scoring.RescorePart("20261126", new Core.Leads.LeadIdRange("00", "01"));
        await host.Services.GetRequiredService<Core.Scoring.IRescoreQueue>().EnqueueAsync(part, default);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        using var response = await host.Client.GetAsync("/api/health");
        var storage = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks")[
            0
        ];
        Assert.Equal(1, storage.GetProperty("data").GetProperty("lead-rescore").GetInt32());
        Assert.Equal(status, storage.GetProperty("status").GetString());
    }

    /// <summary>Counts the storage answers that were 404; creating a queue takes half a second longer, as on a slow
    /// start.</summary>
    private sealed class NotFoundCounter : HttpPipelinePolicy
    {
        public int Count;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (
                message.Request.Method == RequestMethod.Put
                && !message.Request.Uri.Path.Contains("/messages", StringComparison.Ordinal)
            )
            {
                await Task.Delay(500);
            }

            await ProcessNextAsync(message, pipeline);
            Record(message);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            Record(message);
        }

        private void Record(HttpMessage message)
        {
            if (message.Response.Status == 404)
            {
                Interlocked.Increment(ref Count);
            }
        }
    }
}
