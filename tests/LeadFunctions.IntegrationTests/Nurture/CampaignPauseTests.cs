using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Nurture;

/// <summary>Pausing holds a campaign's due sends without rewriting leads; resuming sends or skips what was missed; a
/// sent step is not renamed unawares.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignPauseTests(AzuriteFixture azurite)
{
    private const string Ayse = "ayse@acme.com.tr";

    /// <summary>A campaign paused (PUT with active false, as a client pauses it) with Ayşe's first step due and hours
    /// passed: nothing sent, her row never rewritten.</summary>
    private static async Task<(NurtureHost Nurture, string Lead)> PausedForHoursAsync(
        AzuriteFixture azurite,
        string campaignId
    )
    {
        var nurture = await NurtureHost.StartAsync(azurite);
        var campaign = NurtureHost.ThreeSteps(campaignId);
        await nurture.PutAsync(campaign);
        var lead = await nurture.EnrollAsync(Ayse, campaign);
        using var paused = await PutJsonAsync(
            nurture,
            campaignId,
            Definition(campaign.Steps.Select(s => s.Id), active: false)
        );
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        var etag = (await nurture.Get<ILeadStore>().FindAsync(lead, CancellationToken.None))!.ETag;

        foreach (var passed in new[] { TimeSpan.FromMinutes(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3) })
        {
            nurture.Clock.Offset += passed;
            await nurture.TickAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // a send queued by the timer is dealt with by now
        Assert.Empty(nurture.SendGrid.Received);
        Assert.Equal(etag, (await nurture.Get<ILeadStore>().FindAsync(lead, CancellationToken.None))!.ETag);
        return (nurture, lead);
    }

    [Fact]
    public async Task PausedForHours_NoLeadRewriteNoSend_ResumedWithSendMissed_TheEmailArrives()
    {
        var (nurture, lead) = await PausedForHoursAsync(azurite, "pause-send");
        await using var _ = nurture;

        using var resumed = await nurture.Host.SendJsonWithKeyAsync(
            HttpMethod.Post,
            "/api/campaigns/pause-send/resume",
            """{ "missed": "send" }"""
        );
        Assert.Equal(HttpStatusCode.Accepted, resumed.StatusCode);

        var email = await Eventually.GetAsync(
            async () =>
            {
                await nurture.TickAsync();
                return nurture.SendGrid.Accepted is [var sent, ..] ? sent : null;
            },
            because: "the missed email"
        );
        Assert.Equal(("welcome", Ayse), (email.CustomArgs[MailCustomArgs.Step], email.To));
        await Eventually.TrueAsync(
            async () => (await nurture.EnrollmentAsync(lead, "pause-send"))!.NextStepId == "case-study",
            because: "the next step scheduled"
        );
    }

    [Fact]
    public async Task PausedForHours_ResumedWithSkipMissed_NotSent_StepSkipped_NextStepScheduled_BadChoiceRefused()
    {
        var (nurture, lead) = await PausedForHoursAsync(azurite, "pause-skip");
        await using var _ = nurture;

        using var missing = await nurture.Host.SendJsonWithKeyAsync(
            HttpMethod.Post,
            "/api/campaigns/pause-skip/resume",
            "{}"
        );
        using var wrong = await nurture.Host.SendJsonWithKeyAsync(
            HttpMethod.Post,
            "/api/campaigns/pause-skip/resume",
            """{ "missed": "later" }"""
        );
        using var unknown = await nurture.Host.SendJsonWithKeyAsync(
            HttpMethod.Post,
            "/api/campaigns/nope/resume",
            """{ "missed": "send" }"""
        );
        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound],
            new[] { missing.StatusCode, wrong.StatusCode, unknown.StatusCode }
        );
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"missed\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var stillPaused = await nurture.Host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, "/api/campaigns/pause-skip")
        );
        Assert.False((await stillPaused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetBoolean());

        using var resumed = await nurture.Host.SendJsonWithKeyAsync(
            HttpMethod.Post,
            "/api/campaigns/pause-skip/resume",
            """{ "missed": "skip" }"""
        );
        Assert.Equal(HttpStatusCode.Accepted, resumed.StatusCode);

        var enrollment = await Eventually.GetAsync(
            async () =>
                await nurture.EnrollmentAsync(lead, "pause-skip") is { NextStepId: "case-study" } moved ? moved : null,
            because: "the missed step skipped"
        );
        Assert.Equal(StepState.Skipped, enrollment.Step("welcome")!.State);
        Assert.Equal("missed while the campaign was paused", enrollment.Step("welcome")!.Note);
        Assert.Equal(enrollment.EnrolledAt + TimeSpan.FromDays(2), enrollment.NextDueAt);
        await nurture.TickAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(nurture.SendGrid.Received);
    }

    [Fact]
    public async Task PutRenamingASentStepOfARunningCampaign_409WithTheStep_UnlessConfirmed()
    {
        await using var nurture = await NurtureHost.StartAsync(azurite);
        var campaign = NurtureHost.ThreeSteps("rename");
        await nurture.PutAsync(campaign);
        await nurture.EnrollAsync(Ayse, campaign);
        await nurture.FirstEmailAsync();
        await Eventually.TrueAsync(
            async () =>
                (await nurture.Host.GetJsonWithKeyAsync<JsonElement>("/api/campaigns/rename/stats"))
                    .GetProperty("totals")
                    .GetProperty("sent")
                    .GetInt64() == 1,
            because: "the send counted"
        );

        using var removed = await PutJsonAsync(nurture, "rename", Definition(["welcome", "offer"]));
        using var renamed = await PutJsonAsync(nurture, "rename", Definition(["welcome-v2", "case-study", "offer"]));
        using var confirmed = await PutJsonAsync(
            nurture,
            "rename",
            Definition(["welcome-v2", "case-study", "offer"]),
            "?confirm=renamed-steps"
        );

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.OK],
            new[] { removed.StatusCode, renamed.StatusCode, confirmed.StatusCode }
        );
        Assert.Equal("application/problem+json", renamed.Content.Headers.ContentType?.MediaType);
        var problem = await renamed.Content.ReadAsStringAsync();
        Assert.Contains("'welcome' was sent to 1 person", problem, StringComparison.Ordinal);
        Assert.Contains("confirm=renamed-steps", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseRoute_PausesAndHolds_UnknownIs404_PutSwitchingItOnWithHeldSends_409WithoutMissed_400ForABadOne()
    {
        await using var nurture = await NurtureHost.StartAsync(azurite);
        var campaign = NurtureHost.ThreeSteps("pause-route");
        await nurture.PutAsync(campaign);
        await nurture.EnrollAsync(Ayse, campaign);

        using var paused = await nurture.Host.SendJsonWithKeyAsync(
            HttpMethod.Post,
            "/api/campaigns/pause-route/pause",
            "{}"
        );
        using var unknown = await nurture.Host.SendJsonWithKeyAsync(HttpMethod.Post, "/api/campaigns/nope/pause", "{}");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (paused.StatusCode, unknown.StatusCode));
        Assert.False((await paused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetBoolean());
        nurture.Clock.Offset += TimeSpan.FromMinutes(1);
        await nurture.TickAsync();
        await Eventually.TrueAsync(
            async () =>
                (await nurture.Get<IDueSendIndex>().ReadHeldAsync("pause-route", 1, CancellationToken.None)).Count == 1,
            because: "the due send held"
        );

        var steps = campaign.Steps.Select(s => s.Id).ToList();
        using var unsaid = await PutJsonAsync(nurture, "pause-route", Definition(steps));
        using var bad = await PutJsonAsync(nurture, "pause-route", Definition(steps), "?missed=later");
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.BadRequest), (unsaid.StatusCode, bad.StatusCode));
        Assert.All(new[] { unsaid, bad }, r =>
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType)
        );
        Assert.Contains("?missed=send", await unsaid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var stillPaused = await nurture.Host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, "/api/campaigns/pause-route")
        );
        Assert.False((await stillPaused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetBoolean());

        using var said = await PutJsonAsync(nurture, "pause-route", Definition(steps), "?missed=send");
        Assert.Equal(HttpStatusCode.OK, said.StatusCode);
        await Eventually.GetAsync(
            async () =>
            {
                await nurture.TickAsync();
                return nurture.SendGrid.Accepted is [var sent, ..] ? sent : null;
            },
            because: "the held email, sent once the campaign is on"
        );
    }

    /// <summary>The body of a PUT: the three-step campaign's texts under the given step ids.</summary>
    private static string Definition(IEnumerable<string> stepIds, bool active = true) =>
        JsonSerializer.Serialize(
            new
            {
                name = "Fair follow-up",
                active,
                steps = stepIds.Select(
                    (id, i) =>
                        new
                        {
                            id,
                            delay = i == 0 ? "PT0S" : "P2D",
                            subject = $"Konu {id}",
                            html = $"<p>{id}</p>",
                            text = id,
                        }
                ),
            }
        );

    private static Task<HttpResponseMessage> PutJsonAsync(
        NurtureHost nurture,
        string campaignId,
        string body,
        string query = ""
    ) => nurture.Host.SendJsonWithKeyAsync(HttpMethod.Put, $"/api/campaigns/{campaignId}{query}", body);
}
