using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadFunctions.Adapters.Health;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Leads;
using LeadFunctions.IntegrationTests.Email;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.IntegrationTests.Telemetry;
using LeadFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Nurture;

[Collection(AzuriteCollection.Name)]
public sealed class NurtureSendTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ThreeStepCampaign_WalkedThroughDays_EachEmailOnce_WithArgsHeadersAndFooter_NoneWithoutConsent()
    {
        await using var nurture = await NurtureHost.StartAsync(azurite);
        var campaign = NurtureHost.ThreeSteps("fair");
        await nurture.PutAsync(campaign);
        var ayse = await nurture.EnrollAsync("ayse@acme.com.tr", campaign);
        await nurture.EnrollAsync("no-consent@acme.com.tr", campaign, ConsentStatus.None);
        await nurture.EnrollAsync("pending@acme.com.tr", campaign, ConsentStatus.Pending);

        foreach (var (days, expected) in new[] { (0, 1), (2, 2), (3, 3) })
        {
            nurture.Clock.Offset += TimeSpan.FromDays(days) + TimeSpan.FromMinutes(1);
            await nurture.TickAsync();
            await Eventually.TrueAsync(
                () => Task.FromResult(nurture.SendGrid.Accepted.Count >= expected),
                because: $"email {expected}"
            );

            // Recorded, and so the next step indexed from its send time, before the clock moves on.
            await nurture.SentRecordedAsync(ayse, "fair", campaign.Steps[expected - 1].Id);
        }

        await nurture.TickAsync();
        await Task.Delay(TimeSpan.FromSeconds(2)); // anything more that was coming would come now
        var sent = nurture.SendGrid.Received;
        Assert.Equal(["welcome", "case-study", "offer"], sent.Select(m => m.CustomArgs[MailCustomArgs.Step]));
        Assert.All(sent, m =>
        {
            Assert.Equal(
                ("ayse@acme.com.tr", ayse, "fair", "nurture"),
                (
                    m.To,
                    m.CustomArgs[MailCustomArgs.LeadId],
                    m.CustomArgs[MailCustomArgs.Campaign],
                    m.CustomArgs[MailCustomArgs.Kind]
                )
            );
            Assert.StartsWith("<http://", m.Headers["List-Unsubscribe"], StringComparison.Ordinal);
            Assert.Equal("List-Unsubscribe=One-Click", m.Headers["List-Unsubscribe-Post"]);
            Assert.Contains("Test A.Ş., İstanbul", m.Text, StringComparison.Ordinal);
            Assert.Contains("Test A.Ş., İstanbul", m.Html, StringComparison.Ordinal);
            Assert.Contains("/api/unsubscribe?t=", m.Text, StringComparison.Ordinal);
        });
        Assert.Equal("Hoş geldiniz Ayşe", sent[0].Subject);
        Assert.Equal(EnrollmentStatus.Completed, (await nurture.EnrollmentAsync(ayse, "fair"))!.Status);

        await nurture.StatsAsync("fair", s => s.Totals.GetValueOrDefault(CampaignMetric.Sent) == 3);
        using var stats = await nurture.Host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, "/api/campaigns/fair/stats")
        );
        var body = await stats.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, body.GetProperty("totals").GetProperty("sent").GetInt64());
        Assert.Equal(
            [1L, 1L, 1L],
            body.GetProperty("steps")
                .EnumerateArray()
                .Select(s => s.GetProperty("counts").GetProperty("sent").GetInt64())
        );
        Assert.Equal(0, body.GetProperty("totals").GetProperty("uncertain").GetInt64());
    }

    [Fact]
    public async Task UnsubscribeBetweenSteps_StopsTheNext_CountedOnceOnTheStepItCameFrom()
    {
        using var signer = new SendGridSigner();
        await using var nurture = await NurtureHost.StartAsync(azurite, signer.Setting);
        var campaign = NurtureHost.ThreeSteps("unsub");
        await nurture.PutAsync(campaign);
        var lead = await nurture.EnrollAsync("bora@acme.com.tr", campaign);
        var first = await nurture.FirstEmailAsync();

        // The mail provider's one-click, then the person's own click on the same link.
        var link = new Uri(first.Headers["List-Unsubscribe"].Trim('<', '>'));
        for (var click = 0; click < 2; click++)
        {
            using var oneClick = await nurture.Host.Client.PostAsync(
                link.PathAndQuery,
                new StringContent(
                    "List-Unsubscribe=One-Click",
                    System.Text.Encoding.ASCII,
                    "application/x-www-form-urlencoded"
                )
            );
            Assert.True(oneClick.IsSuccessStatusCode, $"unsubscribe answered {oneClick.StatusCode}");
        }

        // The click answers once it is recorded: the step it came from has it, and counts it within a second.
        Assert.True((await nurture.EnrollmentAsync(lead, "unsub"))!.Step("welcome")!.Unsubscribed);
        Assert.Equal(
            1,
            (
                await nurture.StatsAsync("unsub", s =>
                    s.Steps.GetValueOrDefault("welcome")?.GetValueOrDefault(CampaignMetric.Unsubscribed) > 0
                )
            )
                .Steps["welcome"]
                .GetValueOrDefault(CampaignMetric.Unsubscribed)
        );

        // And SendGrid's own unsubscribe event for the same email: still one.
        var args = string.Concat(first.CustomArgs.Select(a => $",\"{a.Key}\":\"{a.Value}\""));
        var at = nurture.Clock.GetUtcNow();
        using (
            var answer = await nurture.Host.Client.SendAsync(
                signer.Post(
                    $$"""[{"email":"bora@acme.com.tr","timestamp":{{at.ToUnixTimeSeconds()}},"event":"unsubscribe","sg_event_id":"u1"{{args}}}]""",
                    at
                )
            )
        )
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        nurture.Clock.Offset += TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1);
        await nurture.TickAsync();
        await Eventually.TrueAsync(
            async () => (await nurture.EnrollmentAsync(lead, "unsub"))!.Status == EnrollmentStatus.Stopped,
            because: "the enrollment stopped"
        );

        Assert.Single(nurture.SendGrid.Received);
        await Consent.ConsentHttp.ConsentAsync(nurture.Host, lead, v => v.Records.Any(r => r.Id == "sg-u1"));
        // A second count, were there one, would have landed by then.
        var stats = await nurture.StatsAsync("unsub", s => s.Totals.GetValueOrDefault(CampaignMetric.Unsubscribed) > 0);
        Assert.Equal(1, stats.Steps["welcome"].GetValueOrDefault(CampaignMetric.Unsubscribed));
        Assert.Equal(1, stats.Totals.GetValueOrDefault(CampaignMetric.Unsubscribed));
    }

    [Fact]
    public async Task NurtureEmailBounces_TheAddressIsSuppressed_TheNextStepNotSent()
    {
        using var signer = new SendGridSigner();
        await using var nurture = await NurtureHost.StartAsync(azurite, signer.Setting);
        var campaign = NurtureHost.ThreeSteps("bounce");
        await nurture.PutAsync(campaign);
        var lead = await nurture.EnrollAsync("derya@acme.com.tr", campaign);
        var first = await nurture.FirstEmailAsync();

        // SendGrid's hard bounce of that email, with the custom args it was sent with.
        var args = string.Concat(first.CustomArgs.Select(a => $",\"{a.Key}\":\"{a.Value}\""));
        var at = nurture.Clock.GetUtcNow();
        using (
            var answer = await nurture.Host.Client.SendAsync(
                signer.Post(
                    $$"""[{"email":"derya@acme.com.tr","timestamp":{{at.ToUnixTimeSeconds()}},"event":"bounce","type":"bounce","sg_event_id":"b1"{{args}}}]""",
                    at
                )
            )
        )
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        await Eventually.TrueAsync(
            () => nurture.Get<ISuppressionList>().IsSuppressedAsync("derya@acme.com.tr", CancellationToken.None),
            because: "the bounce suppresses the address"
        );
        nurture.Clock.Offset += TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1);
        await nurture.TickAsync();
        await Eventually.TrueAsync(
            async () => (await nurture.EnrollmentAsync(lead, "bounce"))!.Status == EnrollmentStatus.Stopped,
            because: "the enrollment stopped"
        );

        Assert.Single(nurture.SendGrid.Received);
        await Eventually.TrueAsync(
            async () =>
                (await nurture.Get<ICampaignStats>().ReadAsync("bounce", CancellationToken.None))
                    .Steps.GetValueOrDefault("welcome")
                    ?.GetValueOrDefault(CampaignMetric.Bounced) == 1,
            because: "the bounce counted on the step"
        );
    }

    [Fact]
    public async Task ScannerClicksAtDelivery_NotCountedNorStopping_APersonsClickLaterCountedAndStops()
    {
        using var signer = new SendGridSigner();
        await using var nurture = await NurtureHost.StartAsync(azurite, signer.Setting);
        var campaign = NurtureHost.ThreeSteps("scan") with
        {
            StopWhen = new StopConditions { Events = [EventTypes.EmailClick] },
        };
        await nurture.PutAsync(campaign);
        var lead = await nurture.EnrollAsync("ece@acme.com.tr", campaign);
        var first = await nurture.FirstEmailAsync();
        var args = string.Concat(first.CustomArgs.Select(a => $",\"{a.Key}\":\"{a.Value}\""));
        var delivered = nurture.Clock.GetUtcNow();
        string Event(string type, string id, DateTimeOffset at, string? url = null) =>
            $$"""{"email":"ece@acme.com.tr","timestamp":{{at.ToUnixTimeSeconds()}},"event":"{{type}}","sg_event_id":"{{id}}"{{(url is null ? "" : $",\"url\":\"{url}\"")}}{{args}}}""";
        async Task PostAsync(params string[] events)
        {
            using var answer = await nurture.Host.Client.SendAsync(
                signer.Post($"[{string.Join(',', events)}]", nurture.Clock.GetUtcNow())
            );
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        async Task<long> ClickedAsync() =>
            (await nurture.Get<ICampaignStats>().ReadAsync("scan", CancellationToken.None))
                .Steps.GetValueOrDefault("welcome")
                ?.GetValueOrDefault(CampaignMetric.Clicked)
            ?? 0;

        // A link scanner at the delivery: every link of the email, the unsubscribe link too, followed in the same
        // second.
        var unsubscribe = first.Headers["List-Unsubscribe"].Trim('<', '>');
        await PostAsync(
            Event("delivered", "d1", delivered),
            Event("click", "c1", delivered.AddSeconds(2), "https://acme.example/demo"),
            Event("click", "c2", delivered.AddSeconds(2), "https://acme.example/pricing"),
            Event("click", "c3", delivered.AddSeconds(2), unsubscribe)
        );
        await Eventually.TrueAsync(
            async () => (await nurture.EnrollmentAsync(lead, "scan"))!.Step("welcome")!.FirstClickAt is not null,
            because: "the scanner's clicks judged"
        );
        // an engagement event, had one been queued, would be on the lead by now
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.False((await nurture.EnrollmentAsync(lead, "scan"))!.Step("welcome")!.Clicked);
        Assert.Equal(0, await ClickedAsync());
        Assert.DoesNotContain(
            EventTypes.EmailClick,
            (await nurture.Get<ILeadStore>().LoadAsync(lead, CancellationToken.None)).Lead!.LastEventAt.Keys
        );
        nurture.Clock.Offset += TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1);
        await nurture.TickAsync();
        await Eventually.TrueAsync(
            () => Task.FromResult(nurture.SendGrid.Accepted.Count == 2),
            because: "the scanner's clicks did not stop the campaign"
        );

        // The person, ten minutes after the delivery.
        await PostAsync(Event("click", "c4", delivered.AddMinutes(10), "https://acme.example/demo"));
        await Eventually.TrueAsync(async () => await ClickedAsync() == 1, because: "the person's click counted");
        await Eventually.TrueAsync(
            async () =>
                (await nurture.Get<ILeadStore>().LoadAsync(lead, CancellationToken.None)).Lead!.LastEventAt.ContainsKey(
                    EventTypes.EmailClick
                ),
            because: "the person's click on the lead"
        );
        nurture.Clock.Offset += TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1);
        await nurture.TickAsync();
        await Eventually.TrueAsync(
            async () => (await nurture.EnrollmentAsync(lead, "scan"))!.Status == EnrollmentStatus.Stopped,
            because: "the person's click stops the campaign"
        );

        Assert.Equal(2, nurture.SendGrid.Received.Count);
        Assert.Equal(1, await ClickedAsync());
    }

    [Fact]
    public async Task ConnectionDroppedBetweenClaimAndRecord_NeverSentAgain_UncertainUntilSendGridsEventSettlesIt()
    {
        using var signer = new SendGridSigner();
        await using var nurture = await NurtureHost.StartAsync(azurite, signer.Setting);
        var campaign = NurtureHost.ThreeSteps("drop");
        await nurture.PutAsync(campaign);
        var lead = await nurture.EnrollAsync("cem@acme.com.tr", campaign);
        nurture.SendGrid.DropNext(1);

        nurture.Clock.Offset += TimeSpan.FromMinutes(1);
        await nurture.TickAsync();
        await Eventually.TrueAsync(
            async () => (await nurture.EnrollmentAsync(lead, "drop"))!.Step("welcome")?.State == StepState.Uncertain,
            because: "the redelivered message finds its own claim"
        );
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Single(nurture.SendGrid.Received);
        Assert.Equal("case-study", (await nurture.EnrollmentAsync(lead, "drop"))!.NextStepId);
        var stats = await nurture.StatsAsync("drop", s => s.Totals.GetValueOrDefault(CampaignMetric.Uncertain) > 0);
        Assert.Equal((1L, 0L), (stats.Steps["welcome"][CampaignMetric.Uncertain], stats.Totals[CampaignMetric.Sent]));

        // SendGrid took it after all: its processed event (signed, through the webhook) names the send.
        await nurture.PostEventAsync(signer, nurture.SendGrid.Received[0], "processed", "p1");
        await nurture.SentRecordedAsync(lead, "drop", "welcome"); // SendGrid's event settles the uncertain send
        stats = await nurture.StatsAsync("drop", s => s.Totals.GetValueOrDefault(CampaignMetric.Sent) > 0);
        Assert.Equal((0L, 1L), (stats.Steps["welcome"][CampaignMetric.Uncertain], stats.Totals[CampaignMetric.Sent]));
        Assert.Single(nurture.SendGrid.Received);
    }

    [Fact]
    public async Task MessageDeliveredAgain_HandedOnInHalves_EachLeadReachedOnce_TheDroppedSendUncertain()
    {
        var logs = new LogRecorder();
        await using var nurture = await NurtureHost.StartAsync(azurite, logs);
        var campaign = NurtureHost.ThreeSteps("handon");
        await nurture.PutAsync(campaign);
        var leads = new List<string>();
        foreach (var email in (string[])["ali@acme.com.tr", "banu@acme.com.tr", "cem@acme.com.tr"])
        {
            leads.Add(await nurture.EnrollAsync(email, campaign));
        }

        // the first delivery's first email: it may have gone, so the message fails after the others
        nurture.SendGrid.DropNext(1);
        nurture.Clock.Offset += TimeSpan.FromMinutes(1);
        await nurture.TickAsync();
        await Eventually.TrueAsync(
            async () =>
                (await Task.WhenAll(leads.Select(l => nurture.EnrollmentAsync(l, "handon")))).All(e =>
                    e!.NextStepId == "case-study"
                ),
            because: "every first step sent or uncertain"
        );

        var welcome = await Task.WhenAll(
            leads.Select(async l => (await nurture.EnrollmentAsync(l, "handon"))!.Step("welcome")!.State)
        );
        Assert.Equal([StepState.Sent, StepState.Sent, StepState.Uncertain], welcome.Order());
        Assert.Equal(3, nurture.SendGrid.Received.Count);
        Assert.Equal(3, nurture.SendGrid.Received.Select(r => r.CustomArgs[MailCustomArgs.LeadId]).Distinct().Count());
        Assert.Contains(logs.Entries, e =>
            e.Contains("delivered again (delivery 2): handed on", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task TwoHundredSends_CostAtMostSixStorageOperationsEach()
    {
        const int Leads = 200;
        await using var nurture = await NurtureHost.StartAsync(
            azurite,
            [.. NurtureHost.OtherQueueFunctions.Select(f => $"--AzureWebJobs.{f}.Disabled=true")]
        );
        var campaign = NurtureHost.ThreeSteps("budget");
        await nurture.PutAsync(campaign);
        await Task.WhenAll(Enumerable.Range(0, Leads).Select(i => nurture.EnrollAsync($"p{i}@acme.com.tr", campaign)));
        nurture.Clock.Offset += TimeSpan.FromMinutes(1);
        await nurture.Get<ICampaignCatalog>().FindAsync("budget", CancellationToken.None); // the catalog's one read, before counting
        var counter = nurture.Get<StorageOperationCounter>();
        var before = counter.Total;

        // Timer, queue (the nurture-send listener's polling included), lead, suppression, claim, record, next due
        // entry, counters.
        await nurture.TickAsync();
        var checks = 0;
        await Eventually.TrueAsync(
            async () =>
            {
                checks++;
                return (await nurture.Get<ICampaignStats>().ReadAsync("budget", CancellationToken.None)).Totals[
                        CampaignMetric.Sent
                    ] == Leads;
            },
            timeout: TimeSpan.FromSeconds(120),
            because: "every send recorded and counted"
        );
        var counted = counter.Total - before;
        var operations =
            counted
            - (
                checks
                * await CountAsync(counter, () =>
                    nurture.Get<ICampaignStats>().ReadAsync("budget", CancellationToken.None)
                )
            );

        Assert.Equal(Leads, nurture.SendGrid.Received.Count);
        Assert.True(
            operations <= 6 * Leads,
            $"{operations} storage operations for {Leads} emails ({(double)operations / Leads:F2} each)"
        );
    }

    /// <summary>The storage operations of one call (nothing else runs by then): what each of the test's own checks
    /// cost.</summary>
    private static async Task<long> CountAsync(StorageOperationCounter counter, Func<Task> call)
    {
        var before = counter.Total;
        await call();
        return counter.Total - before;
    }

    [Fact]
    public async Task Preview_RendersWithoutSending_AndStatsAndPreviewAnswer404ForUnknowns()
    {
        await using var nurture = await NurtureHost.StartAsync(azurite);
        var campaign = NurtureHost.ThreeSteps("preview");
        await nurture.PutAsync(campaign);
        var lead = await nurture.EnrollAsync("deniz@acme.com.tr", campaign);

        using var ok = await PreviewAsync(nurture, "preview", new { leadId = lead, step = "welcome" });
        var body = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(
            ("Hoş geldiniz Ayşe", "tr"),
            (body.GetProperty("subject").GetString(), body.GetProperty("language").GetString())
        );
        Assert.Contains("Test A.Ş., İstanbul", body.GetProperty("html").GetString(), StringComparison.Ordinal);

        using var noStep = await PreviewAsync(nurture, "preview", new { leadId = lead, step = "nope" });
        using var noLead = await PreviewAsync(
            nurture,
            "preview",
            new { leadId = new string('a', 32), step = "welcome" }
        );
        using var noCampaign = await PreviewAsync(nurture, "nope", new { leadId = lead, step = "welcome" });
        using var bad = await PreviewAsync(nurture, "preview", new { leadId = lead });
        using var stats = await nurture.Host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, "/api/campaigns/nope/stats")
        );
        Assert.Equal(
            [
                HttpStatusCode.NotFound,
                HttpStatusCode.NotFound,
                HttpStatusCode.NotFound,
                HttpStatusCode.BadRequest,
                HttpStatusCode.NotFound,
            ],
            new[] { noStep.StatusCode, noLead.StatusCode, noCampaign.StatusCode, bad.StatusCode, stats.StatusCode }
        );
        Assert.Contains("\"step\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(nurture.SendGrid.Received);
    }

    private static Task<HttpResponseMessage> PreviewAsync(NurtureHost nurture, string campaign, object body)
    {
        var request = TestHost.WithKey(HttpMethod.Post, $"/api/campaigns/{campaign}/preview");
        request.Content = JsonContent.Create(body);
        return nurture.Host.Client.SendAsync(request);
    }
}
