using System.Text.Json;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.EmailEvents;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Tests.EmailEvents;
using Microsoft.Extensions.Time.Testing;
using static LeadFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace LeadFunctions.Core.Tests.Campaigns;

/// <summary>SendGrid events about a campaign's email, through <see cref="SendGridEventProcessor"/> as they
/// arrive.</summary>
public class NurtureEventRecorderTests
{
    private readonly Pipeline pipeline = new();
    private readonly SendGridEventProcessorTests.RecordingEventQueue engagement = new();

    private async Task SentWelcomeAsync()
    {
        pipeline.Campaigns.Campaigns.Add(Campaign("fair", new CampaignTrigger { Sources = ["web"] }));
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default);
        var sent = new StepRecord
        {
            StepId = "welcome",
            State = StepState.Sent,
            SendId = "send-1",
            SentAt = Pipeline.Start,
        };
        await pipeline.Updater.UpdateAsync(
            Ayse,
            s =>
                Task.FromResult<LeadChange?>(
                    CampaignEnrollment.With(
                        LeadChange.Updated(s.Lead!, s.ETag),
                        s.EnrollmentIn("fair")!.WithStep(sent),
                        null,
                        null
                    )
                ),
            default
        );
    }

    private async Task ProcessAsync(params string[] events)
    {
        using var document = JsonDocument.Parse($"[{string.Join(',', events)}]");
        var processor = new SendGridEventProcessor(
            engagement,
            new SendGridEventProcessorTests.RecordingSuppressionList(),
            new SendGridEventProcessorTests.RecordingConsentRecorder(),
            new SendGridEventProcessorTests.RecordingSendGridEventLog(),
            pipeline.Recorder,
            pipeline.SpamBrake,
            new FakeTimeProvider(Pipeline.Start.AddHours(1))
        );
        await processor.ProcessAsync(
            new SendGridEventBatch([.. document.RootElement.EnumerateArray().Select(e => e.Clone())]),
            default
        );
    }

    /// <summary>An event about the welcome email, half an hour after it was sent (and <paramref name="seconds"/>
    /// more).</summary>
    private static string Event(
        string type,
        string id,
        string extra = "",
        string kind = "nurture",
        string step = "welcome",
        int seconds = 0
    ) =>
        $$"""{"email":"ayse@acme.com.tr","timestamp":{{Pipeline.Start.AddMinutes(30).AddSeconds(seconds).ToUnixTimeSeconds()}},"event":"{{type}}","sg_event_id":"{{id}}","lf_lead":"{{Ayse}}","lf_campaign":"fair","lf_step":"{{step}}","lf_send":"send-1","lf_kind":"{{kind}}"{{extra}}}""";

    /// <summary>A click on <paramref name="url"/>, <paramref name="seconds"/> after the other events.</summary>
    private static string Click(string id, string url, int seconds) =>
        Event("click", id, $",\"url\":\"{url}\"", seconds: seconds);

    private const string Demo = "https://acme.example/demo";
    private const string Pricing = "https://acme.example/pricing";

    private int EmailClicks => engagement.Events.Count(e => e.Type == EventTypes.EmailClick);

    private StepRecord Welcome => pipeline.Store.Enrollments(Ayse).Single().Step("welcome")!;

    [Fact]
    public async Task ProcessAsync_RepeatedEvents_EachFlagCountedOnItsFirstTransitionOnly()
    {
        await SentWelcomeAsync();

        await ProcessAsync(
            Event("delivered", "d1"),
            Event("open", "o1"),
            Event("open", "o2"),
            Click("c1", Demo, seconds: 300)
        );
        await ProcessAsync(Event("delivered", "d1"), Click("c2", Demo, seconds: 400), Event("spamreport", "x1"));

        Assert.Equal(
            (true, true, true, true, false),
            (Welcome.Delivered, Welcome.Opened, Welcome.Clicked, Welcome.SpamReported, Welcome.Bounced)
        );
        foreach (
            var metric in new[]
            {
                CampaignMetric.Delivered,
                CampaignMetric.Opened,
                CampaignMetric.Clicked,
                CampaignMetric.SpamReports,
            }
        )
        {
            Assert.Equal(1, pipeline.Stats.Count("fair", metric, "welcome"));
        }

        Assert.Equal(
            ["campaign|fair|welcome|clicked", "campaign|fair|welcome|opened"],
            pipeline
                .Store.Entries(Ayse)
                .Where(e =>
                    e.Kind == TimelineKind.Campaign
                    && e.Id.StartsWith("campaign|fair|welcome|", StringComparison.Ordinal)
                )
                .Select(e => e.Id)
                .Order()
        );
        Assert.Equal(4, engagement.Events.Count); // the opens and clicks still reach engagement
    }

    [Fact]
    public async Task ProcessAsync_MachineOpenSoftBounceAndConfirmationEmail_NoFlag()
    {
        await SentWelcomeAsync();

        await ProcessAsync(
            Event("open", "o1", ",\"sg_machine_open\":true"),
            Event("bounce", "b1", ",\"type\":\"blocked\""),
            Event("delivered", "d1", kind: "confirmation"),
            Event("delivered", "d2", step: "unknown-step")
        );

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
    public async Task ProcessAsync_ClickSecondsAfterDelivery_ScannerSoNoFlagStatNorEngagement()
    {
        await SentWelcomeAsync();

        await ProcessAsync(Event("delivered", "d1"), Click("c1", Demo, seconds: 10));

        Assert.False(Welcome.Clicked);
        Assert.Equal(0, pipeline.Stats.Count("fair", CampaignMetric.Clicked));
        Assert.Equal(0, EmailClicks);
    }

    [Fact]
    public async Task ProcessAsync_ClickSecondsAfterTheSendNoDeliveryKnown_Scanner()
    {
        await SentWelcomeAsync();

        await ProcessAsync(Click("c1", Demo, seconds: -(30 * 60) + 5));

        Assert.False(Welcome.Clicked);
        Assert.Equal(0, EmailClicks);
    }

    [Fact]
    public async Task ProcessAsync_DeliveredInAnEarlierBatch_ItsTimeKeptOnTheStepForLaterClicks()
    {
        await SentWelcomeAsync();

        await ProcessAsync(Event("delivered", "d1"));
        await ProcessAsync(Click("c1", Demo, seconds: 3));

        Assert.Equal(Pipeline.Start.AddMinutes(30), Welcome.DeliveredAt);
        Assert.False(Welcome.Clicked);
        Assert.Equal(0, EmailClicks);
    }

    [Fact]
    public async Task ProcessAsync_EveryLinkAtOnceInSeparateBatches_TheLaterClicksIgnored()
    {
        await SentWelcomeAsync();

        await ProcessAsync(Click("c1", Demo, seconds: 300));
        await ProcessAsync(Click("c2", Pricing, seconds: 301));
        await ProcessAsync(Click("c3", Demo + "?again", seconds: 302));

        Assert.Equal(1, EmailClicks); // the first could not be told from a person's when it came alone
        Assert.Equal(
            (Pipeline.Start.AddMinutes(35), LinkScanners.LinkId(Demo)),
            (Welcome.FirstClickAt, Welcome.FirstClickLink)
        );
    }

    [Fact]
    public async Task ProcessAsync_ScannerThenPersonMinutesLater_ThePersonsClickCountedOnce()
    {
        await SentWelcomeAsync();

        await ProcessAsync(Event("delivered", "d1"), Click("c1", Demo, seconds: 2), Click("c2", Pricing, seconds: 2));
        Assert.False(Welcome.Clicked);
        await ProcessAsync(Click("c3", Pricing, seconds: 600));
        await ProcessAsync(Click("c3", Pricing, seconds: 600)); // SendGrid's redelivery

        Assert.True(Welcome.Clicked);
        Assert.Equal(1, pipeline.Stats.Count("fair", CampaignMetric.Clicked, "welcome"));
        Assert.Equal(
            Pipeline.Start.AddMinutes(40),
            pipeline.Store.Entries(Ayse).Single(e => e.Id == "campaign|fair|welcome|clicked").At
        );
        Assert.Single(engagement.Events.Where(e => e.Type == EventTypes.EmailClick).Select(e => e.EventId).Distinct());
    }

    [Fact]
    public async Task ProcessAsync_UnsubscribeLinkClicked_NotEngagementNotClicked()
    {
        await SentWelcomeAsync();

        await ProcessAsync(Click("c1", "https://leads.example/api/unsubscribe?t=abc.def", seconds: 600));

        Assert.False(Welcome.Clicked);
        Assert.Equal(0, EmailClicks);
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
        new ConsentLinkActions(
            pipeline.Store,
            pipeline.Consent,
            new SendGridEventProcessorTests.RecordingSuppressionList(),
            pipeline.Recorder,
            pipeline.Time
        ).UnsubscribeAsync("the-token", token, new RequestEvidence(null, null), default);
}
