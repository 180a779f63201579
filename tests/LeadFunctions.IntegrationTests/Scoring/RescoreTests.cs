using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Scoring;

/// <summary>
/// The nightly pass end to end: the RescoreLeads timer queues the parts on lead-rescore and the
/// RescoreLeadPart function rescores them. Leads are made under a scoring model that a new one then
/// re-grades (every lead to A), so a rescored lead shows it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RescoreTests(AzuriteFixture azurite)
{
    private const int Leads = 24;

    [Fact]
    public async Task RescoreLeads_MissedOccurrence_EveryLeadRescoredOnceThroughTheQueuedParts()
    {
        var (prefix, ids) = await SeedAsync();
        await TimerStatus.WriteMissedAsync(azurite, prefix, "RescoreLeads");

        await using var host = await TestHost.StartAsync(azurite, prefix: prefix);
        await AssertEveryLeadRescoredOnceAsync(host, ids);
    }

    [Fact]
    public async Task RescoreLeadPart_ALeadThatCouldNotBeWritten_ThePartIsTriedAgain()
    {
        var (prefix, ids) = await SeedAsync();
        await TimerStatus.WriteMissedAsync(azurite, prefix, "RescoreLeads");
        var failing = new FailsFirstTransaction();

        await using var host = await TestHost.StartAsync(
            azurite,
            b =>
                b.Services.PostConfigureAll<TableClientOptions>(o =>
                    o.AddPolicy(failing, HttpPipelinePosition.PerCall)
                ),
            prefix
        );
        await AssertEveryLeadRescoredOnceAsync(host, ids);
        Assert.True(failing.Fired);
        Assert.False(
            (await host.Queue(QueueNames.Poison(QueueNames.LeadRescore)).ExistsAsync()).Value,
            "nothing was poisoned"
        );
    }

    /// <summary>Leads made under the default model, and then a model that grades every one of them A.</summary>
    private async Task<(string Prefix, List<string> Ids)> SeedAsync()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var ids = new List<string>();
        for (var i = 0; i < Leads; i++)
        {
            using var response = await host.Client.PostAsJsonAsync(
                "/api/leads",
                new { email = $"rescore{i}@acme.com" }
            );
            ids.Add((await response.Content.ReadFromJsonAsync<SubmissionAccepted>())!.Id);
        }

        foreach (var id in ids)
        {
            var lead = await Eventually.GetAsync(() => host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"));
            Assert.NotEqual("A", lead.Grade);
        }

        var model = (await host.GetJsonWithKeyAsync<JsonObject>("/api/scoring-model"))!;
        model["grades"] = new JsonObject
        {
            ["a"] = 0,
            ["b"] = 0,
            ["c"] = 0,
        };
        using var put = TestHost.WithKey(HttpMethod.Put, "/api/scoring-model", TestHost.MasterKey);
        put.Content = JsonContent.Create(model);
        using var stored = await host.Client.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        return (host.Prefix, ids);
    }

    private static async Task AssertEveryLeadRescoredOnceAsync(TestHost host, List<string> ids)
    {
        foreach (var id in ids)
        {
            await Eventually.TrueAsync(
                async () => (await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"))?.Grade == "A",
                because: $"lead {id} rescored"
            );
        }

        await Eventually.TrueAsync(
            async () =>
                (await host.Queue(QueueNames.LeadRescore).GetPropertiesAsync()).Value.ApproximateMessagesCount == 0,
            because: "every part done"
        );
        foreach (var id in ids)
        {
            var timeline = (await host.GetJsonWithKeyAsync<List<TimelineEntryView>>($"/api/leads/{id}/timeline"))!;
            Assert.Single(timeline, e => e.Kind == "score" && e.Summary.Contains("grade A", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// The first transaction (in this host only rescoring writes them: a lead with its new grade and the
    /// timeline entry) fails as storage would past the SDK's retries; later ones go through.
    /// </summary>
    private sealed class FailsFirstTransaction : HttpPipelinePolicy
    {
        private int fired;

        public bool Fired => fired == 1;

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal)
            && Interlocked.Exchange(ref fired, 1) == 0
                ? throw new RequestFailedException(500, "Injected: a lead's write failed.")
                : ProcessNextAsync(message, pipeline);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessNext(message, pipeline);
    }
}
