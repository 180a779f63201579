using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Nurture;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Nurture;

/// <summary>A journey written as JSON over the API, on Azurite: a wait woken by an event posted to /api/events.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class JourneyTests(AzuriteFixture azurite)
{
    private const string Journey = """
        {
          "name": "Demo or not",
          "trigger": { "sources": [] },
          "steps": [
            { "id": "welcome", "delay": "PT0S", "subject": "Hoş geldiniz", "html": "<p>Merhaba</p>", "text": "Merhaba" },
            { "id": "wait-demo", "waitFor": { "events": ["demo_request"] }, "atMost": "P7D",
              "then": "thanks", "timeout": "nudge" },
            { "id": "thanks", "delay": "PT0S", "subject": "Teşekkürler", "html": "<p>Görüşürüz</p>", "text": "Görüşürüz",
              "next": "end" },
            { "id": "nudge", "delay": "PT0S", "subject": "Hâlâ ilgileniyor musunuz?", "html": "<p>?</p>", "text": "?" }
          ]
        }
        """;

    [Fact]
    public async Task Wait_AnEventPostedToTheApi_WakesIt_ItsThenEmailSent_AndCountedOnTheWait()
    {
        // No gap between one person's emails: the email after the wait goes as soon as it is due.
        await using var nurture = await NurtureHost.StartAsync(azurite, "--Nurture:MinGapBetweenEmails=00:00:00");
        using var put = await nurture.Host.SendJsonWithKeyAsync(HttpMethod.Put, "/api/campaigns/demo-or-not", Journey);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var campaign = (await nurture.Get<ICampaignStore>().GetAsync("demo-or-not", CancellationToken.None))!;
        var lead = await nurture.EnrollAsync("demo@acme.com.tr", campaign);
        await nurture.FirstEmailAsync();
        Assert.Equal("wait-demo", (await nurture.EnrollmentAsync(lead, campaign.Id))!.NextStepId);

        using var posted = await nurture.Host.SendJsonWithKeyAsync(
            HttpMethod.Post,
            "/api/events",
            """{"email":"demo@acme.com.tr","type":"demo_request","source":"web"}"""
        );
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        await Eventually.TrueAsync(
            async () => (await nurture.EnrollmentAsync(lead, campaign.Id))?.NextStepId == "thanks",
            because: "the wait woken by the event"
        );
        await nurture.TickAsync();

        var thanks = await Eventually.GetAsync(
            () => Task.FromResult(nurture.SendGrid.Accepted.FirstOrDefault(e => e.Subject == "Teşekkürler")),
            because: "the email after the wait"
        );
        Assert.Equal("thanks", thanks.CustomArgs[MailCustomArgs.Step]);
        var stats = await nurture.StatsAsync(campaign.Id, s => s.Steps.ContainsKey("wait-demo"));
        Assert.Equal(1, stats.Steps["wait-demo"][CampaignMetric.Then]);
        Assert.Equal(0, stats.Steps["wait-demo"][CampaignMetric.TimedOut]);
        Assert.DoesNotContain(nurture.SendGrid.Accepted, e => e.CustomArgs[MailCustomArgs.Step] == "nudge");

        var answered = await nurture.Host.GetJsonWithKeyAsync<JsonObject>("/api/campaigns/demo-or-not");
        var wait = answered!["steps"]![1]!;
        Assert.Equal(
            ("P7D", "thanks", "nudge"),
            ((string?)wait["atMost"], (string?)wait["then"], (string?)wait["timeout"])
        );
        Assert.Null(wait["subject"]);

        // A wait sends nothing to preview.
        using var preview = await nurture.Host.SendJsonWithKeyAsync(
            HttpMethod.Post,
            "/api/campaigns/demo-or-not/preview",
            $$"""{"leadId":"{{lead}}","step":"wait-demo"}"""
        );
        Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
    }

    [Fact]
    public async Task Journey_ATargetThatIsNoStep_400WithTheField_NothingStored()
    {
        await using var nurture = await NurtureHost.StartAsync(azurite);
        using var put = await nurture.Host.SendJsonWithKeyAsync(
            HttpMethod.Put,
            "/api/campaigns/broken-journey",
            Journey.Replace("\"timeout\": \"nudge\"", "\"timeout\": \"nudgee\"", StringComparison.Ordinal)
        );

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var problem = await put.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]!["steps[1].timeout"]);
        Assert.Null(await nurture.Get<ICampaignStore>().GetAsync("broken-journey", CancellationToken.None));
    }

    [Fact]
    public async Task Variants_WrittenAsJson_EachEmailOneOfThem_TheStatsRouteCountsPerVariant()
    {
        const string AbTest = """
            { "name": "Subject test", "steps": [ { "id": "welcome", "delay": "PT0S", "variants": [
                { "id": "short", "subject": "Merhaba", "html": "<p>A</p>", "text": "A" },
                { "id": "long", "weight": 2, "subject": "Merhaba, fuarda tanıştık", "html": "<p>B</p>", "text": "B" }
            ] } ] }
            """;
        await using var nurture = await NurtureHost.StartAsync(azurite);
        using var put = await nurture.Host.SendJsonWithKeyAsync(HttpMethod.Put, "/api/campaigns/ab-test", AbTest);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var campaign = (await nurture.Get<ICampaignStore>().GetAsync("ab-test", CancellationToken.None))!;
        for (var i = 0; i < 6; i++)
        {
            await nurture.EnrollAsync($"ab{i}@acme.com.tr", campaign);
        }

        await nurture.FirstEmailAsync();
        await Eventually.TrueAsync(() => Task.FromResult(nurture.SendGrid.Accepted.Count == 6), because: "six emails");
        await nurture.StatsAsync("ab-test", s => s.Steps.GetValueOrDefault("welcome")?[CampaignMetric.Sent] == 6);

        var stats = (await nurture.Host.GetJsonWithKeyAsync<JsonObject>("/api/campaigns/ab-test/stats"))!;
        var variants = stats["steps"]![0]!["variants"]!.AsArray();
        Assert.Equal(["short", "long"], variants.Select(v => (string?)v!["id"]));
        Assert.Equal(6, variants.Sum(v => (long)v!["counts"]!["sent"]!));
        Assert.Equal(
            nurture.SendGrid.Accepted.Count(e => e.Subject == "Merhaba"),
            (long)variants[0]!["counts"]!["sent"]!
        );

        // The chart's 30 days, today (UTC) the last, with the sends counted on it as they went.
        var days = stats["days"]!.AsArray();
        Assert.Equal(CampaignResults.ChartDays, days.Count);
        var today = DateOnly.FromDateTime(nurture.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)days[^1]!["day"]);
        Assert.Equal(6, days.Sum(d => (long)d!["sent"]!));
    }
}
