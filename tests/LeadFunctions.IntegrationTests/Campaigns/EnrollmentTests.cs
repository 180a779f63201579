using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Campaigns;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Leads;
using LeadFunctions.IntegrationTests.Email;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Campaigns;

/// <summary>Enrollment by trigger and by hand, and SendGrid events on a nurture email, on the real host and
/// Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EnrollmentTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private static readonly string[] NotAnId = ["not-an-id"];
    private readonly SendGridSigner signer = new();
    private TestHost host = null!;

    public async Task InitializeAsync() => host = await TestHost.StartAsync(azurite, settings: [signer.Setting]);

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose() => signer.Dispose();

    private async Task PutAsync(string id, CampaignTrigger? trigger = null, bool archived = false)
    {
        await host
            .Services.GetRequiredService<ICampaignStore>()
            .PutAsync(
                new Campaign
                {
                    Id = id,
                    Name = "Campaign " + id,
                    Archived = archived,
                    Trigger = trigger ?? new CampaignTrigger(),
                    Steps =
                    [
                        new CampaignStep
                        {
                            Id = "welcome",
                            Delay = TimeSpan.FromHours(1),
                            Content = new StepContent("Hi {{ lead.firstName }}", "<p>Hi</p>", "Hi"),
                        },
                    ],
                },
                default
            );
        host.Services.GetRequiredService<CampaignCatalog>().Invalidate();
    }

    private async Task<string> LeadAsync(string email, string? firstName = "Ayşe")
    {
        using var form = await host.Client.PostAsJsonAsync(
            "/api/leads",
            new
            {
                email,
                firstName,
                consentEmail = true,
            }
        );
        Assert.Equal(HttpStatusCode.Accepted, form.StatusCode);
        var id = LeadId.FromEmail(email);
        await Eventually.GetAsync(() => host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"));
        return id;
    }

    private Task<Enrollment> EnrolledAsync(string leadId, string campaignId) =>
        Eventually.GetAsync(
            async () =>
                (await host.Services.GetRequiredService<ILeadStore>().LoadAsync(leadId, default)).EnrollmentIn(
                    campaignId
                ),
            TimeSpan.FromSeconds(30),
            "the enrollment"
        );

    private async Task<HttpResponseMessage> EnrollAsync(string campaignId, object body)
    {
        var request = TestHost.WithKey(HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments");
        request.Content = JsonContent.Create(body);
        return await host.Client.SendAsync(request);
    }

    [Fact]
    public async Task FormSubmission_CampaignTriggeredBySourceWeb_EnrollmentAndDueRowWithinSeconds()
    {
        await PutAsync("web-welcome", new CampaignTrigger { Sources = ["web"] });

        var started = DateTimeOffset.UtcNow;
        var lead = await LeadAsync("ayse@example.com");
        var enrollment = await EnrolledAsync(lead, "web-welcome");

        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(15));
        Assert.Equal(("source:web", "welcome"), (enrollment.Reason, enrollment.NextStepId));
        var due = await host.Table(TableNames.NurtureDue).QueryAsync<TableEntity>().ToListAsync();
        Assert.Contains(due, row => row.RowKey.EndsWith($"|{lead}|web-welcome", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnrollLeads_ByIds_KnownLeadsEnrolledUnknownIgnored()
    {
        await PutAsync("by-hand");
        var lead = await LeadAsync("ayse@example.com");

        using var response = await EnrollAsync(
            "by-hand",
            new { leadIds = new[] { lead, LeadId.FromEmail("nobody@example.com") } }
        );

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadIds").GetInt32());
        Assert.Equal("manual", (await EnrolledAsync(lead, "by-hand")).Reason);
        Assert.Null(
            (
                await host
                    .Services.GetRequiredService<ILeadStore>()
                    .LoadAsync(LeadId.FromEmail("nobody@example.com"), default)
            ).Lead
        );
    }

    [Fact]
    public async Task EnrollLeads_ByFilter_OnlyMatchingLeadsEnrolled()
    {
        await PutAsync("by-filter");
        var lead = await LeadAsync("ayse@example.com");
        var subscriber = await LeadAsync("mehmet@example.com", firstName: null);

        using var response = await EnrollAsync("by-filter", new { filter = new { stage = "lead", source = "web" } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await EnrolledAsync(lead, "by-filter");
        await Eventually.TrueAsync(async () =>
            (await host.Queue(QueueNames.CampaignEnrollment).GetPropertiesAsync()).Value.ApproximateMessagesCount == 0
        );
        Assert.Null(
            (await host.Services.GetRequiredService<ILeadStore>().LoadAsync(subscriber, default)).EnrollmentIn(
                "by-filter"
            )
        );
    }

    [Fact]
    public async Task EnrollLeads_UnknownArchivedOrBadBody_ProblemsAndNothingQueued()
    {
        await PutAsync("old", archived: true);
        await PutAsync("live");

        using var unknown = await EnrollAsync("nope", new { leadIds = new[] { LeadId.FromEmail("a@example.com") } });
        using var archived = await EnrollAsync("old", new { leadIds = new[] { LeadId.FromEmail("a@example.com") } });
        using var badIds = await EnrollAsync("live", new { leadIds = NotAnId });
        using var both = await EnrollAsync(
            "live",
            new { leadIds = new[] { LeadId.FromEmail("a@example.com") }, filter = new { } }
        );
        using var badFilter = await EnrollAsync("live", new { filter = new { stage = "vip", minScore = "high" } });

        Assert.Equal(
            [
                HttpStatusCode.NotFound,
                HttpStatusCode.Conflict,
                HttpStatusCode.BadRequest,
                HttpStatusCode.BadRequest,
                HttpStatusCode.BadRequest,
            ],
            new[] { unknown, archived, badIds, both, badFilter }.Select(r => r.StatusCode)
        );
        Assert.Equal("application/problem+json", badFilter.Content.Headers.ContentType?.MediaType);
        var errors = (await badFilter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("filter.stage", out _) && errors.TryGetProperty("filter.minScore", out _));
        Assert.True(
            (await badIds.Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("errors")
                .TryGetProperty("leadIds", out _)
        );
        Assert.Equal(
            0,
            (await host.Queue(QueueNames.CampaignEnrollment).GetPropertiesAsync()).Value.ApproximateMessagesCount
        );
    }

    [Fact]
    public async Task SendGridWebhook_NurtureEmailEvents_StepCountersOnceAndTimelineEntries()
    {
        await PutAsync("drip", new CampaignTrigger { Sources = ["web"] });
        var lead = await LeadAsync("ayse@example.com");
        await EnrolledAsync(lead, "drip");
        var sent = new StepRecord
        {
            StepId = "welcome",
            State = StepState.Sent,
            SendId = "send-1",
            SentAt = DateTimeOffset.UtcNow,
        };
        await host
            .Services.GetRequiredService<LeadUpdater>()
            .UpdateAsync(
                lead,
                s =>
                    Task.FromResult<LeadChange?>(
                        CampaignEnrollment.With(
                            LeadChange.Updated(s.Lead!, s.ETag),
                            s.EnrollmentIn("drip")!.WithStep(sent),
                            null,
                            null
                        )
                    ),
                default
            );
        var args =
            $",\"lf_lead\":\"{lead}\",\"lf_send\":\"send-1\",\"lf_campaign\":\"drip\",\"lf_step\":\"welcome\",\"lf_kind\":\"nurture\"";
        string Ev(string type, string id, string extra = "", int minutesAgo = 1) =>
            $$"""{"email":"ayse@example.com","timestamp":{{DateTimeOffset.UtcNow.AddMinutes(-minutesAgo).ToUnixTimeSeconds()}},"event":"{{type}}","sg_event_id":"{{id}}"{{args}}{{extra}}}""";

        // The click a minute after the delivery: one in the delivery's second would be a link scanner's.
        using var first = await host.Client.SendAsync(
            signer.Post(
                $"[{Ev("delivered", "d1")},{Ev("open", "o1", ",\"sg_machine_open\":true")},{Ev("open", "o2")},{Ev("click", "c1", ",\"url\":\"https://acme.example/\"", minutesAgo: 0)}]"
            )
        );
        using var again = await host.Client.SendAsync(signer.Post($"[{Ev("delivered", "d1")},{Ev("open", "o3")}]"));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));

        var stats = host.Services.GetRequiredService<ICampaignStats>();
        var step = await Eventually.GetAsync(
            async () =>
            {
                var read = await stats.ReadAsync("drip", default);
                return
                    read.Steps.TryGetValue("welcome", out var counters)
                    && counters.GetValueOrDefault(CampaignMetric.Clicked) == 1
                    ? counters
                    : null;
            },
            TimeSpan.FromSeconds(60),
            "the step's counters"
        );
        await Eventually.TrueAsync(async () =>
            (await host.Queue(QueueNames.SendGridEvents).GetPropertiesAsync()).Value.ApproximateMessagesCount == 0
        );
        step = (await stats.ReadAsync("drip", default)).Steps["welcome"];
        Assert.Equal(
            (1L, 1L, 1L),
            (step[CampaignMetric.Delivered], step[CampaignMetric.Opened], step[CampaignMetric.Clicked])
        );
        var timeline = await host.GetJsonWithKeyAsync<List<TimelineEntryView>>($"/api/leads/{lead}/timeline");
        Assert.Equal(
            2,
            timeline!.Count(e =>
                e.Kind == "campaign"
                && (
                    e.Summary.StartsWith("Opened", StringComparison.Ordinal)
                    || e.Summary.StartsWith("Clicked", StringComparison.Ordinal)
                )
            )
        );
    }
}
