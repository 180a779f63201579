using System.Net.Http.Json;
using System.Text.Json;
using LeadFunctions.Adapters;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Text;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Nurture;

/// <summary>
/// What becomes of a send that SendGrid refuses or cannot take, whose message fails every delivery, or whose host is
/// stopped while it sends: sent, failed with its reason, or uncertain only when the email may have left; never
/// stranded.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NurtureFailureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task HostStoppedMidMessage_InFlightEmailsFinish_NoStepUncertain_EachPersonMailedOnce()
    {
        const int Leads = 24; // two messages of 12, sent one after another in each
        var first = await NurtureHost.StartAsync(azurite);
        var campaign = NurtureHost.ThreeSteps("stop");
        await first.PutAsync(campaign);
        var leads = await Task.WhenAll(
            Enumerable.Range(0, Leads).Select(i => first.EnrollAsync($"p{i}@acme.com.tr", campaign))
        );
        first.SendGrid.AnswerDelay = TimeSpan.FromMilliseconds(400);
        first.Clock.Offset += TimeSpan.FromMinutes(1);
        await first.TickAsync();
        await Eventually.TrueAsync(
            () => Task.FromResult(first.SendGrid.Arrived.Count >= 3),
            because: "both messages sending"
        );

        await using var second = await first.RestartAsync();
        second.SendGrid.AnswerDelay = TimeSpan.Zero;
        await Eventually.TrueAsync(
            async () =>
                (await Task.WhenAll(leads.Select(l => second.EnrollmentAsync(l, "stop")))).All(e =>
                    e!.NextStepId == "case-study"
                ),
            timeout: TimeSpan.FromSeconds(60),
            because: "every first step dealt with"
        );

        var welcome = await Task.WhenAll(
            leads.Select(async l => (await second.EnrollmentAsync(l, "stop"))!.Step("welcome")!)
        );
        var left = second.SendGrid.Arrived.Select(a => a.CustomArgs[MailCustomArgs.SendId]).ToHashSet();
        // none uncertain whose request never left
        Assert.All(welcome.Where(w => w.State == StepState.Uncertain), w => Assert.Contains(w.SendId, left));
        // the requests in flight were answered and recorded
        Assert.All(welcome, w => Assert.Equal(StepState.Sent, w.State));
        Assert.Equal(Leads, second.SendGrid.Arrived.Count);
        Assert.Equal(Leads, second.SendGrid.Accepted.Select(a => a.To).Distinct().Count());
    }

    [Fact]
    public async Task SendGridRefusesForGood_TheStepFails_WithItsReason_InStatsTimelineAndDashboard_TheEnrollmentGoesOn()
    {
        await using var nurture = await NurtureHost.StartAsync(azurite);
        var campaign = NurtureHost.ThreeSteps("refused");
        await nurture.PutAsync(campaign);
        var lead = await nurture.EnrollAsync("elif@acme.com.tr", campaign);
        nurture.SendGrid.AnswerNext(
            1,
            403,
            body: """{"errors":[{"message":"The from address does not match a verified Sender Identity.","field":"from"}]}"""
        );

        nurture.Clock.Offset += TimeSpan.FromMinutes(1);
        await nurture.TickAsync();
        var enrollment = await Eventually.GetAsync(
            async () => await nurture.EnrollmentAsync(lead, "refused") is { NextStepId: "case-study" } e ? e : null,
            because: "the refused step dealt with"
        );

        var welcome = enrollment.Step("welcome")!;
        Assert.Equal(StepState.Failed, welcome.State);
        Assert.Contains(
            "403: The from address does not match a verified Sender Identity.",
            welcome.Note,
            StringComparison.Ordinal
        );
        await nurture.StatsAsync("refused", s => s.Totals.GetValueOrDefault(CampaignMetric.Failed) > 0);
        using var stats = await nurture.Host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, "/api/campaigns/refused/stats")
        );
        var counts = (await stats.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totals");
        Assert.Equal((1L, 0L), (counts.GetProperty("failed").GetInt64(), counts.GetProperty("sent").GetInt64()));
        var timeline = await nurture.Host.GetJsonWithKeyAsync<JsonElement>($"/api/leads/{lead}/timeline");
        Assert.Contains(timeline.EnumerateArray(), e =>
            e.GetProperty("summary")
                .GetString()!
                .Contains("not sent: SendGrid refused it (403", StringComparison.Ordinal)
        );
        using var dashboard = await nurture.Host.Client.SendAsync(TestHost.WithKey(HttpMethod.Get, "/api/dashboard"));
        Assert.Matches("<p id=\"failed\">[^<]*<strong>1</strong>", await dashboard.Content.ReadAsStringAsync());

        // The next step goes as planned: the refusal stranded nothing.
        nurture.Clock.Offset += TimeSpan.FromDays(2);
        await nurture.TickAsync();
        await Eventually.TrueAsync(
            () => Task.FromResult(nurture.SendGrid.Accepted.Count == 1),
            because: "the second step sent"
        );
        Assert.Equal("case-study", nurture.SendGrid.Accepted[0].CustomArgs[MailCustomArgs.Step]);
    }

    [Fact]
    public async Task SendGridUnavailableBeyondTheRetries_TheStepStaysInTheDueIndex_ALaterRunSendsItOnce()
    {
        await using var nurture = await NurtureHost.StartAsync(azurite);
        var campaign = NurtureHost.ThreeSteps("outage");
        await nurture.PutAsync(campaign);
        var lead = await nurture.EnrollAsync("fatih@acme.com.tr", campaign);
        // longer than the sender waits: it gives up at once
        nurture.SendGrid.AnswerNext(1, 429, retryAfter: TimeSpan.FromMinutes(10));

        nurture.Clock.Offset += TimeSpan.FromMinutes(1);
        await nurture.TickAsync();
        await Eventually.TrueAsync(
            async () => (await nurture.EnrollmentAsync(lead, "outage"))!.NextDueAt > nurture.Clock.GetUtcNow(),
            because: "the step put back, due later"
        );
        Assert.Null((await nurture.EnrollmentAsync(lead, "outage"))!.Step("welcome"));

        nurture.Clock.Offset += NurtureRules.UnavailableRecheck;
        await nurture.TickAsync();
        await Eventually.TrueAsync(
            () => Task.FromResult(nurture.SendGrid.Accepted.Count == 1),
            because: "a later run sends it"
        );
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal((1, 2), (nurture.SendGrid.Accepted.Count, nurture.SendGrid.Received.Count));
        Assert.Equal(StepState.Sent, (await nurture.EnrollmentAsync(lead, "outage"))!.Step("welcome")!.State);
    }

    [Fact]
    public async Task MessageInThePoisonQueue_TheTimerQueuesItAgain_ItsEmailGoesOnce()
    {
        await using var nurture = await NurtureHost.StartAsync(azurite);
        var campaign = NurtureHost.ThreeSteps("poisoned");
        await nurture.PutAsync(campaign);
        var lead = await nurture.EnrollAsync("gul@acme.com.tr", campaign);
        var due = (await nurture.EnrollmentAsync(lead, "poisoned"))!.NextDueAt!.Value;

        // Its every delivery failed (a storage outage outlasting them): the listener moved it to the poison queue, and
        // the timer had taken its entry out of the due index when it queued it.
        var dispatchId = Guid.CreateVersion7().ToString("N");
        var message = NurtureSendBatch.Of(dispatchId, [new DueSend(lead, "poisoned", "welcome", due)]);
        var index = nurture.Get<IDueSendIndex>();
        await foreach (var entries in index.ReadDueAsync(due.AddMinutes(1), CancellationToken.None))
        {
            await index.RemoveAsync(entries, CancellationToken.None);
        }

        var poison = nurture.Host.Queue(QueueNames.Poison(QueueNames.NurtureSend));
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync(JsonSerializer.Serialize(message, JsonDefaults.Options));

        nurture.Clock.Offset += TimeSpan.FromMinutes(1);
        await nurture.TickAsync();
        await Eventually.TrueAsync(
            () => Task.FromResult(nurture.SendGrid.Accepted.Count == 1),
            because: "the poisoned send goes"
        );
        await nurture.TickAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Single(nurture.SendGrid.Received);
        Assert.Equal(StepState.Sent, (await nurture.EnrollmentAsync(lead, "poisoned"))!.Step("welcome")!.State);
        Assert.Equal(0, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
