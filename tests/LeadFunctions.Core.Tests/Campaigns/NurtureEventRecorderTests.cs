using System.Text.Json;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Tests.Email;
using Microsoft.Extensions.Time.Testing;
using static LeadFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace LeadFunctions.Core.Tests.Campaigns;

/// <summary>SendGrid events about a campaign's email, through <see cref="SendGridEventProcessor"/> as they arrive.</summary>
public class NurtureEventRecorderTests
{
    private readonly Pipeline pipeline = new();
    private readonly SendGridEventProcessorTests.RecordingEventQueue engagement = new();

    private async Task SentWelcomeAsync()
    {
        pipeline.Campaigns.Campaigns.Add(Campaign("fair", new CampaignTrigger { Sources = ["web"] }));
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default);
        var sent = new StepRecord { StepId = "welcome", State = StepState.Sent, SendId = "send-1", SentAt = Pipeline.Start };
        await pipeline.Updater.UpdateAsync(Ayse, s => Task.FromResult<LeadChange?>(
            CampaignEnrollment.With(new LeadChange(Ayse, s.Lead, s.ETag, [], []), s.EnrollmentIn("fair")!.WithStep(sent), null, null)), default);
    }

    private async Task ProcessAsync(params string[] events)
    {
        using var document = JsonDocument.Parse($"[{string.Join(',', events)}]");
        var processor = new SendGridEventProcessor(engagement, new SendGridEventProcessorTests.RecordingSuppressionList(), new SendGridEventProcessorTests.RecordingConsentRecorder(), new SendGridEventProcessorTests.RecordingSendGridEventLog(), new NurtureEventRecorder(pipeline.Updater), new FakeTimeProvider(Pipeline.Start.AddHours(1)));
        await processor.ProcessAsync(new SendGridEventBatch([.. document.RootElement.EnumerateArray().Select(e => e.Clone())]), default);
    }

    private static string Event(string type, string id, string extra = "", string kind = "nurture", string step = "welcome") =>
        $$"""{"email":"ayse@acme.com.tr","timestamp":{{Pipeline.Start.AddMinutes(30).ToUnixTimeSeconds()}},"event":"{{type}}","sg_event_id":"{{id}}","lf_lead":"{{Ayse}}","lf_campaign":"fair","lf_step":"{{step}}","lf_send":"send-1","lf_kind":"{{kind}}"{{extra}}}""";

    private StepRecord Welcome => pipeline.Store.Enrollments(Ayse).Single().Step("welcome")!;

    [Fact]
    public async Task ProcessAsync_RepeatedEvents_EachFlagCountedOnItsFirstTransitionOnly()
    {
        await SentWelcomeAsync();

        await ProcessAsync(Event("delivered", "d1"), Event("open", "o1"), Event("open", "o2"), Event("click", "c1"));
        await ProcessAsync(Event("delivered", "d1"), Event("click", "c2"), Event("spamreport", "x1"));

        Assert.Equal((true, true, true, true, false), (Welcome.Delivered, Welcome.Opened, Welcome.Clicked, Welcome.SpamReported, Welcome.Bounced));
        foreach (var metric in new[] { CampaignMetric.Delivered, CampaignMetric.Opened, CampaignMetric.Clicked, CampaignMetric.SpamReports })
        {
            Assert.Equal(1, pipeline.Stats.Count("fair", metric, "welcome"));
        }

        Assert.Equal(["campaign|fair|welcome|clicked", "campaign|fair|welcome|opened"], pipeline.Store.Entries(Ayse).Where(e => e.Kind == TimelineKind.Campaign && e.Id.StartsWith("campaign|fair|welcome|", StringComparison.Ordinal)).Select(e => e.Id).Order());
        Assert.Equal(4, engagement.Events.Count); // the opens and clicks still reach engagement
    }

    [Fact]
    public async Task ProcessAsync_MachineOpenSoftBounceAndConfirmationEmail_NoFlag()
    {
        await SentWelcomeAsync();

        await ProcessAsync(Event("open", "o1", ",\"sg_machine_open\":true"), Event("bounce", "b1", ",\"type\":\"blocked\""), Event("delivered", "d1", kind: "confirmation"), Event("delivered", "d2", step: "unknown-step"));

        Assert.Equal((false, false, false), (Welcome.Opened, Welcome.Bounced, Welcome.Delivered));
        Assert.DoesNotContain(pipeline.Stats.Deltas, d => d.StepId is not null);
    }

    [Fact]
    public async Task ProcessAsync_HardBounceAndUnsubscribe_FlaggedAndCounted()
    {
        await SentWelcomeAsync();

        await ProcessAsync(Event("bounce", "b1", ",\"type\":\"bounce\""), Event("unsubscribe", "u1"));

        Assert.Equal((true, true), (Welcome.Bounced, Welcome.Unsubscribed));
        Assert.Equal(1, pipeline.Stats.Count("fair", CampaignMetric.Bounced, "welcome"));
        Assert.Equal(1, pipeline.Stats.Count("fair", CampaignMetric.Unsubscribed));
    }

    [Fact]
    public async Task UnsubscribeLinkOfASend_FlagsItsStepOnce_ClickedTwiceAndSendGridsEventToo()
    {
        await SentWelcomeAsync();
        var token = new ConsentToken(TokenPurpose.Unsubscribe, Ayse, null, null, "send-1");

        await UnsubscribeAsync(token);
        await UnsubscribeAsync(token);
        Assert.True(Welcome.Unsubscribed);
        Assert.Equal(1, pipeline.Stats.Count("fair", CampaignMetric.Unsubscribed, "welcome"));

        await ProcessAsync(Event("unsubscribe", "u1"));
        Assert.Equal(1, pipeline.Stats.Count("fair", CampaignMetric.Unsubscribed, "welcome"));
        Assert.Equal(1, pipeline.Stats.Count("fair", CampaignMetric.Unsubscribed));
    }

    [Fact]
    public async Task UnsubscribeLinkWithoutASend_WithdrawsButFlagsNoStep()
    {
        await SentWelcomeAsync();

        await UnsubscribeAsync(new ConsentToken(TokenPurpose.Unsubscribe, Ayse, null, null));

        Assert.Equal(ConsentStatus.Withdrawn, pipeline.Store[Ayse]!.Consent.Email);
        Assert.False(Welcome.Unsubscribed);
        Assert.Equal(0, pipeline.Stats.Count("fair", CampaignMetric.Unsubscribed));
    }

    private Task<LinkOutcome> UnsubscribeAsync(ConsentToken token) =>
        new ConsentLinkActions(pipeline.Store, pipeline.Consent, new SendGridEventProcessorTests.RecordingSuppressionList(), new NurtureEventRecorder(pipeline.Updater), pipeline.Time)
            .UnsubscribeAsync("the-token", token, new RequestEvidence(null, null), default);
}
