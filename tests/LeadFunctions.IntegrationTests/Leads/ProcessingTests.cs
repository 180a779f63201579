using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using LeadFunctions.Adapters;
using LeadFunctions.Adapters.Sales;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Security;
using LeadFunctions.Core.Text;
using LeadFunctions.Functions.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Leads;

[Collection(AzuriteCollection.Name)]
public sealed class ProcessingTests(AzuriteFixture azurite)
{
    private const string Secret = "handoff-test-secret";

    private static EngagementEvent Event(string email, string type, string id) =>
        new()
        {
            EventId = id,
            LeadId = LeadId.FromEmail(email),
            Type = type,
            OccurredAt = DateTimeOffset.UtcNow,
            Source = "web",
        };

    private static async Task<IReadOnlyList<TimelineEntryView>> TimelineAsync(TestHost host, string id) =>
        await host.GetJsonWithKeyAsync<List<TimelineEntryView>>($"/api/leads/{id}/timeline") ?? [];

    [Fact]
    public async Task Submissions_FromFormAndImportForOnePerson_OneLeadWithBothOnTheTimeline()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var form = await host.Client.PostAsJsonAsync(
            "/api/leads",
            new { email = "Ilkay.Isik@Acme.com.tr", firstName = "İlkay" }
        );
        var id = (await form.Content.ReadFromJsonAsync<SubmissionAccepted>())!.Id;
        await Eventually.GetAsync(() => host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"));
        await host.Queue(QueueNames.LeadIntake)
            .SendMessageAsync(
                BinaryData.FromObjectAsJson(
                    new LeadSubmission
                    {
                        SubmissionId = "import-row-7",
                        ReceivedAt = DateTimeOffset.UtcNow,
                        Email = "ilkay.isik@acme.com.tr",
                        Company = "Acme",
                        Phone = "0532 123 45 67",
                        Country = "Türkiye",
                        Source = "import",
                    },
                    JsonDefaults.Options
                )
            );

        await Eventually.TrueAsync(
            async () => (await TimelineAsync(host, id)).Count(e => e.Kind == "submission") == 2,
            because: "both submissions"
        );
        var lead = (await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"))!;
        Assert.Equal("İlkay", lead.FirstName);
        Assert.Equal("Acme", lead.Company);
        Assert.Equal("web", lead.Source);
        Assert.Equal("+905321234567", lead.Phone);
        Assert.Equal("TR", lead.Country);
        Assert.Equal("acme.com.tr", lead.Enrichment?.CompanyDomain);
    }

    [Fact]
    public async Task Submissions_SamePersonOnTwoHostsAtOnce_OneLeadEverySubmissionKept()
    {
        var prefix = TestHost.NewPrefix();
        await using var first = await TestHost.StartAsync(azurite, prefix: prefix);
        await using var second = await TestHost.StartAsync(azurite, prefix: prefix);
        var posts = Enumerable
            .Range(0, 20)
            .Select(i =>
                (i % 2 == 0 ? first : second).Client.PostAsJsonAsync(
                    "/api/leads",
                    new { email = "race@acme.com", jobTitle = $"Title {i}" }
                )
            );
        foreach (var response in await Task.WhenAll(posts))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            response.Dispose();
        }

        var id = LeadId.FromEmail("race@acme.com");
        await Eventually.TrueAsync(
            async () => (await TimelineAsync(first, id)).Count(e => e.Kind == "submission") == 20,
            TimeSpan.FromSeconds(30),
            "all 20 submissions"
        );
        var rows = await first
            .Table(TableNames.Leads)
            .QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey eq {"lead|" + id}")
            )
            .ToListAsync();
        Assert.Single(rows);
    }

    [Fact]
    public async Task Engagement_CrossesMqlThreshold_HandedToSalesOnceWithAValidSignature()
    {
        await using var crm = await HttpReceiver.StartAsync(failFirst: 1);
        await using var host = await TestHost.StartAsync(
            azurite,
            settings: [$"--SalesHandoff:WebhookUrl={crm.Address}handoffs", $"--SalesHandoff:Secret={Secret}"]
        );
        using var form = await host.Client.PostAsJsonAsync(
            "/api/leads",
            new
            {
                email = "ceo@acme.com",
                firstName = "Zeynep",
                jobTitle = "CEO",
                company = "Acme",
            }
        );
        var id = (await form.Content.ReadFromJsonAsync<SubmissionAccepted>())!.Id;
        await Eventually.GetAsync(() => host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"));

        var events = host.Services.GetRequiredService<IEventQueue>();
        foreach (
            var (type, n) in new[]
            {
                (EventTypes.DemoRequest, 1),
                (EventTypes.ContentDownload, 2),
                (EventTypes.WebinarAttended, 3),
                (EventTypes.DemoRequest, 4),
            }
        )
        {
            await events.EnqueueAsync(Event("ceo@acme.com", type, $"evt-{n}"), default);
        }

        await Eventually.TrueAsync(
            async () => (await TimelineAsync(host, id)).Count(e => e.Kind == "event") == 4,
            because: "all events recorded"
        );
        await Eventually.TrueAsync(
            async () => (await TimelineAsync(host, id)).Any(e => e.Summary == "Handed to sales"),
            because: "the handoff"
        );
        await Task.Delay(1000);

        var lead = (await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"))!;
        Assert.Equal("mql", lead.Stage);
        var delivered = crm.Requests.Where(r => r.Headers.ContainsKey(SalesHandoffWebhook.HandoffIdHeader)).ToList();
        Assert.Single(delivered.Select(r => r.Headers[SalesHandoffWebhook.HandoffIdHeader]).Distinct());
        Assert.Equal(2, delivered.Count); // the first try got a 503 and was retried by the resilience pipeline
        var last = delivered[^1];
        Assert.True(
            WebhookSignatures.IsValidSha256Header(Secret, last.Body, last.Headers[WebhookSignatures.Sha256HeaderName])
        );
        using var body = JsonDocument.Parse(last.Body);
        Assert.Equal(id, body.RootElement.GetProperty("leadId").GetString());
        Assert.Single(await TimelineAsync(host, id), e => e.Kind == "stage");
    }

    [Fact]
    public async Task Timeline_ExplainsScoreChangesNewestFirst()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var form = await host.Client.PostAsJsonAsync(
            "/api/leads",
            new
            {
                email = "mehmet@acme.com",
                jobTitle = "IT Manager",
                companySize = "250",
            }
        );
        var id = (await form.Content.ReadFromJsonAsync<SubmissionAccepted>())!.Id;
        await Eventually.GetAsync(() => host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"));
        await host
            .Services.GetRequiredService<IEventQueue>()
            .EnqueueAsync(Event("mehmet@acme.com", EventTypes.PricingPageView, "p1"), default);

        var timeline = await Eventually.GetAsync(async () =>
            await TimelineAsync(host, id) is { Count: >= 4 } t ? t : null
        );
        Assert.Equal(timeline.OrderByDescending(e => e.At), timeline);
        var firstScore = timeline.Last(e => e.Kind == "score");
        Assert.Contains("jobTitle +12", firstScore.Summary, StringComparison.Ordinal);
        Assert.Contains("companySize +12", firstScore.Summary, StringComparison.Ordinal);
        Assert.Contains("pricing_page_view", timeline.First(e => e.Kind == "score").Summary, StringComparison.Ordinal);
    }
}
