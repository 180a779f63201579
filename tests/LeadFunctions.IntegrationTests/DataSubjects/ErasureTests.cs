using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.DataSubjects;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.DataSubjects;

/// <summary>DELETE /api/leads/{id}: afterwards no table, queue or blob container holds the person's email, name or
/// phone.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ErasureTests(AzuriteFixture azurite)
{
    private const string Email = "erase-me@acme.com";
    private static readonly string[] Traces = [Email, "Zerrin", "Kuyumcu", "5321112233"];

    [Fact]
    public async Task Erase_LeavesNoTraceInAnyTableQueueOrContainer_OnlyTheSuppressionHash()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var id = LeadId.FromEmail(Email);
        var friend = LeadId.FromEmail("ece.friend@acme.com");
        using (
            await host.Client.PostAsJsonAsync(
                "/api/leads",
                new
                {
                    email = Email,
                    firstName = "Zerrin",
                    lastName = "Kuyumcu",
                    phone = "+90 532 111 22 33",
                    company = "Acme",
                    consentEmail = true,
                    consentText = "Kabul (v1)",
                    referredBy = "someone@partner.com",
                }
            )
        )
        using (
            await host.Client.PostAsJsonAsync(
                "/api/leads",
                new
                {
                    email = "ece.friend@acme.com",
                    firstName = "Ece",
                    referredBy = Email,
                }
            )
        ) { }

        await Eventually.TrueAsync(
            async () =>
                await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}") is not null
                && await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{friend}") is not null,
            because: "both leads"
        );
        var eventRequest = TestHost.WithKey(HttpMethod.Post, "/api/events");
        eventRequest.Content = JsonContent.Create(new { email = Email, type = "pricing_page_view" });
        using (await host.Client.SendAsync(eventRequest))
        using (await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Post, $"/api/leads/{id}/convert"))) { }

        await Eventually.TrueAsync(
            async () => (await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"))!.Score.Engagement > 0,
            because: "the event recorded"
        );

        // A message about her that failed five times and waits in a poison queue.
        var poison = host.Queue(QueueNames.Poison(QueueNames.LeadIntake));
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync(
            JsonSerializer.Serialize(
                new
                {
                    submissionId = "x",
                    email = Email,
                    firstName = "Zerrin",
                }
            )
        );
        Assert.NotEmpty(await TracesAsync(host));

        using var erase = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Delete, $"/api/leads/{id}", TestHost.MasterKey)
        );
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        var erasure = (await erase.Content.ReadFromJsonAsync<Erasure>())!;
        Assert.Equal((1, 1), (erasure.Messages, erasure.ReferralLinks));

        var left = await TracesAsync(host);
        Assert.True(left.Count == 0, "Still holding the person: " + string.Join(", ", left));
        Assert.True(await host.Services.GetRequiredService<ISuppressionList>().IsSuppressedAsync(Email, default));
        Assert.Null((await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}")));
        using var again = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Delete, $"/api/leads/{id}", TestHost.MasterKey)
        );
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using var withFunctionKey = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Delete, $"/api/leads/{friend}")
        );
        Assert.Equal(HttpStatusCode.Unauthorized, withFunctionKey.StatusCode);
    }

    /// <summary>Where any of the traces still appears: "table/partition/row", "queue/message" or
    /// "container/blob".</summary>
    private static async Task<List<string>> TracesAsync(TestHost host)
    {
        var found = new List<string>();
        bool Holds(string text) => Traces.Any(t => text.Contains(t, StringComparison.OrdinalIgnoreCase));
        var tables = host.Services.GetRequiredService<TableServiceClient>();
        await foreach (
            var table in tables.QueryAsync(t =>
                t.Name.CompareTo(host.Prefix) >= 0 && t.Name.CompareTo(host.Prefix + "~") < 0
            )
        )
        {
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                if (Holds(string.Join('|', row.Select(p => $"{p.Key}={p.Value}"))))
                {
                    found.Add(
                        $"{table.Name}/{row.PartitionKey}/{row.RowKey}: "
                            + $"{string.Join('|', row.Where(p => Holds($"{p.Value}")).Select(p => p.Key))}"
                    );
                }
            }
        }

        var queues = host.Services.GetRequiredService<QueueServiceClient>();
        await foreach (var queue in queues.GetQueuesAsync(prefix: host.Prefix))
        {
            foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
            {
                if (Holds(message.Body.ToString()))
                {
                    found.Add($"{queue.Name}/{message.MessageId}");
                }
            }
        }

        var blobs = host.Services.GetRequiredService<BlobServiceClient>();
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: host.Prefix))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content;
                if (Holds(Encoding.UTF8.GetString(content.ToArray())) || Holds(blob.Name))
                {
                    found.Add($"{container.Name}/{blob.Name}");
                }
            }
        }

        return found;
    }
}
