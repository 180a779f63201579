using System.Text.Json;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.EmailEvents;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Leads;
using Microsoft.Extensions.Time.Testing;

namespace LeadFunctions.Core.Tests.EmailEvents;

public class SendGridEventProcessorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly long Timestamp = Now.AddMinutes(-1).ToUnixTimeSeconds();
    private readonly RecordingEventQueue engagement = new();
    private readonly RecordingSuppressionList suppressions = new();
    private readonly RecordingConsentRecorder consent = new();
    private readonly RecordingSendGridEventLog log = new();
    private readonly Pipeline pipeline = new();

    [Fact]
    public async Task SpamReportsOfANurtureCampaignPastTheRate_TheSpamBrakePausesIt_TheOutcomeSaysSo()
    {
        pipeline.Campaigns.Campaigns.Add(
            new Campaign
            {
                Id = "fair",
                Name = "Fuar",
                Steps = [],
            }
        );
        await pipeline.Stats.AddAsync(
            [
                new StatDelta("fair", "welcome", CampaignMetric.Delivered, 800),
                new StatDelta("fair", "welcome", CampaignMetric.SpamReports, 2),
            ],
            default
        );
        const string Nurture = ",\"lf_kind\":\"nurture\",\"lf_campaign\":\"fair\",\"lf_step\":\"welcome\"";

        var ordinary = await ProcessAsync($"[{Event("open", "o1", Nurture)}]");
        var reported = await ProcessAsync($"[{Event("spamreport", "s1", Nurture)}]");

        Assert.Empty(ordinary.Braked);
        Assert.Equal(
            ("fair", 2L, 800L),
            (reported.Braked[0].CampaignId, reported.Braked[0].Trip.SpamReports, reported.Braked[0].Trip.Deliveries)
        );
        Assert.False((await pipeline.Campaigns.GetAsync("fair", default))!.Active);
    }

    private Task<SendGridBatchOutcome> ProcessAsync(string jsonArray)
    {
        using var document = JsonDocument.Parse(jsonArray);
        var processor = new SendGridEventProcessor(
            engagement,
            suppressions,
            consent,
            log,
            pipeline.Recorder,
            pipeline.SpamBrake,
            new FakeTimeProvider(Now)
        );
        return processor.ProcessAsync(
            new SendGridEventBatch([.. document.RootElement.EnumerateArray().Select(e => e.Clone())]),
            default
        );
    }

    private static string Event(string type, string id, string extra = "") =>
        $$"""{"email":"ayse@example.com","timestamp":{{Timestamp}},"event":"{{type}}","sg_event_id":"{{id}}"{{extra}}}""";

    [Fact]
    public async Task ProcessAsync_OpenAndClick_EngagementUnderTheLeadWithIdsFromTheEvent()
    {
        await ProcessAsync(
            $"[{Event("open", "o1", ",\"lf_campaign\":\"fair\"")},{Event("click", "c1", ",\"url\":\"https://acme.example/demo\"")}]"
        );

        Assert.Equal([EventTypes.EmailOpen, EventTypes.EmailClick], engagement.Events.Select(e => e.Type));
        Assert.All(engagement.Events, e => Assert.Equal(LeadId.FromEmail("ayse@example.com"), e.LeadId));
        Assert.Equal("fair", engagement.Events[0].Detail["campaign"]);
        Assert.Equal("https://acme.example/demo", engagement.Events[1].Url);
        Assert.Equal(Timestamp, engagement.Events[0].OccurredAt.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task ProcessAsync_SameEventTwice_SameIdsSoEveryEffectCountsOnce()
    {
        var events = $"[{Event("open", "o1")},{Event("spamreport", "s1")}]";
        await ProcessAsync(events);
        await ProcessAsync(events);

        Assert.Equal(engagement.Events[0].EventId, engagement.Events[1].EventId);
        Assert.Equal(consent.Records[0].Record.Id, consent.Records[1].Record.Id);
        Assert.Equal("sg-s1", consent.Records[0].Record.Id);
    }

    [Fact]
    public async Task ProcessAsync_HardBounce_SuppressesThenWithdrawsConsentWithEvidence()
    {
        await ProcessAsync($"[{Event("bounce", "b1", ",\"type\":\"bounce\",\"reason\":\"550 user unknown\"")}]");

        var suppression = Assert.Single(suppressions.Entries);
        Assert.Equal(
            ("ayse@example.com", SuppressionReason.HardBounce, "bounce b1 550 user unknown"),
            (suppression.Email, suppression.Reason, suppression.Evidence)
        );
        var (email, record) = Assert.Single(consent.Records);
        Assert.Equal("ayse@example.com", email);
        Assert.Equal(ConsentAction.Withdrawn, record.Action);
        Assert.Equal(ConsentSource.SendGridEvent, record.Source);
        Assert.Equal(Timestamp, record.At.ToUnixTimeSeconds());
        Assert.Equal("bounce b1 550 user unknown", record.Evidence);
    }

    [Fact]
    public async Task ProcessAsync_DeliveriesSoftBounceMachineOpen_RecordedOrIgnoredNotSuppressed()
    {
        var outcome = await ProcessAsync(
            $"[{Event("delivered", "d1", ",\"lf_send\":\"send-1\"")},{Event("bounce", "b1", ",\"type\":\"blocked\"")},{Event("open", "o1", ",\"sg_machine_open\":true")}]"
        );

        Assert.Equal(["d1", "b1"], log.Deliveries.Select(e => e.EventId));
        Assert.Equal("send-1", log.Deliveries[0].SendId);
        Assert.Empty(suppressions.Entries);
        Assert.Empty(engagement.Events);
        Assert.Equal(1, outcome[SendGridEventAction.Ignore]);
    }

    /// <summary>An event of the confirmation email (no campaign step: only what the batch says counts),
    /// <paramref name="seconds"/> after <see cref="Timestamp"/>.</summary>
    private static string At(string type, string id, long seconds, string? url = null) =>
        Event(type, id, $",\"lf_kind\":\"confirmation\"{(url is null ? "" : $",\"url\":\"{url}\"")}")
            .Replace($"{Timestamp}", $"{Timestamp - 600 + seconds}", StringComparison.Ordinal);

    [Fact]
    public async Task ProcessAsync_ClickSecondsAfterDeliveryInTheBatch_ScannersSoNoEngagement()
    {
        var outcome = await ProcessAsync(
            $"[{At("delivered", "d1", 0)},{At("click", "c1", 10, "https://acme.example/demo")}]"
        );

        Assert.Empty(engagement.Events);
        Assert.Equal(1, outcome[SendGridEventAction.Ignore]);
    }

    [Fact]
    public async Task ProcessAsync_EveryLinkClickedAtOnce_ScannersSoNoEngagement()
    {
        await ProcessAsync(
            $"[{At("click", "c1", 300, "https://acme.example/demo")},{At("click", "c2", 301, "https://acme.example/pricing")},{At("click", "c3", 302, "https://acme.example/")}]"
        );

        Assert.Empty(engagement.Events);
    }

    [Fact]
    public async Task ProcessAsync_UnsubscribeLinkClicked_NoEngagement()
    {
        await ProcessAsync($"[{At("click", "c1", 300, "https://leads.example/api/unsubscribe?t=abc.def")}]");

        Assert.Empty(engagement.Events);
    }

    [Fact]
    public async Task ProcessAsync_PersonClicksMinutesAfterDeliveryThenAgain_EachClickOnce()
    {
        await ProcessAsync(
            $"[{At("delivered", "d1", 0)},{At("click", "c1", 300, "https://acme.example/demo")},{At("click", "c2", 301, "https://acme.example/demo")}]"
        );

        Assert.Equal([EventTypes.EmailClick, EventTypes.EmailClick], engagement.Events.Select(e => e.Type));
        Assert.Equal(2, engagement.Events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task ProcessAsync_DropForOurQuota_KeptUnderTheSend_NothingSuppressedOrWithdrawn()
    {
        await ProcessAsync(
            $"[{Event("dropped", "x1", ",\"lf_send\":\"send-1\",\"reason\":\"Recipient List over Package Quota\"")}]"
        );

        var kept = Assert.Single(log.Deliveries);
        Assert.Equal(("dropped", "send-1", "Recipient List over Package Quota"), (kept.Type, kept.SendId, kept.Reason));
        Assert.Empty(suppressions.Entries);
        Assert.Empty(consent.Records);
    }

    [Fact]
    public async Task ProcessAsync_MerchantsHardBounce_WithdrawalExportedAsTacir()
    {
        await pipeline.Intake.ProcessAsync(
            Pipeline.Submission("s1", email: "ayse@example.com") with
            {
                ConsentEmail = true,
                RecipientType = RecipientType.Merchant,
            },
            default
        );
        using var document = JsonDocument.Parse($"[{Event("bounce", "b1", ",\"type\":\"bounce\"")}]");
        var processor = new SendGridEventProcessor(
            engagement,
            suppressions,
            pipeline.Consent,
            log,
            pipeline.Recorder,
            pipeline.SpamBrake,
            new FakeTimeProvider(Now)
        );
        await processor.ProcessAsync(
            new SendGridEventBatch([.. document.RootElement.EnumerateArray().Select(e => e.Clone())]),
            default
        );

        var withdrawal = Assert.Single(pipeline.ConsentChanges.Changes, c =>
            c.Record.Action == ConsentAction.Withdrawn
        );
        Assert.Equal(
            ("RET", "TACIR"),
            (IysRecords.From(withdrawal)!.Status, IysRecords.From(withdrawal)!.RecipientType)
        );
    }

    [Fact]
    public async Task ProcessAsync_UnknownTypeAndUnreadable_KeptAsideNothingElse()
    {
        var outcome = await ProcessAsync(
            $$"""[{{Event("group_resubscribe", "g1")}},{"event":"open","sg_event_id":"x1","timestamp":"soon","email":"a@example.com"},{"event":"open","sg_event_id":"x2","timestamp":{{Timestamp}}}]"""
        );

        Assert.Equal(3, outcome[SendGridEventAction.Unhandled]);
        Assert.Equal("g1", log.Unhandled[0].Id);
        Assert.Contains("group_resubscribe", log.Unhandled[0].Why, StringComparison.Ordinal);
        Assert.Contains("timestamp", log.Unhandled[1].Why, StringComparison.Ordinal);
        Assert.Contains("\"soon\"", log.Unhandled[1].Json, StringComparison.Ordinal);
        Assert.Contains("email", log.Unhandled[2].Why, StringComparison.Ordinal);
        Assert.Empty(engagement.Events);
        Assert.Empty(suppressions.Entries);
        Assert.Empty(consent.Records);
    }

    [Fact]
    public async Task ProcessAsync_HugeUnreadableEvent_JsonCut()
    {
        await ProcessAsync($$"""[{"event":"open","note":"{{new string('x', 20_000)}}"}]""");

        Assert.Equal(UnhandledSendGridEvent.MaxJsonLength, Assert.Single(log.Unhandled).Json.Length);
    }

    internal sealed class RecordingEventQueue : IEventQueue
    {
        public List<EngagementEvent> Events { get; } = [];

        public Task EnqueueAsync(EngagementEvent engagementEvent, CancellationToken cancellationToken)
        {
            Events.Add(engagementEvent);
            return Task.CompletedTask;
        }
    }

    internal sealed class RecordingSuppressionList : ISuppressionList
    {
        public List<(string Email, SuppressionReason Reason, string? Evidence)> Entries { get; } = [];

        public Task SuppressAsync(
            string normalizedEmail,
            SuppressionReason reason,
            DateTimeOffset at,
            string? evidence,
            CancellationToken cancellationToken
        )
        {
            Entries.Add((normalizedEmail, reason, evidence));
            return Task.CompletedTask;
        }

        public Task<bool> IsSuppressedAsync(string normalizedEmail, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<SuppressionPage> ListAsync(
            int pageSize,
            string? continuationToken,
            CancellationToken cancellationToken
        ) => throw new NotSupportedException();

        public Task<bool> LiftAsync(string hash, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    internal sealed class RecordingConsentRecorder : IConsentRecorder
    {
        public List<(string Email, ConsentRecord Record)> Records { get; } = [];

        public Task<ConsentRecordOutcome> RecordAsync(
            string normalizedEmail,
            ConsentRecord record,
            CancellationToken cancellationToken
        )
        {
            Records.Add((normalizedEmail, record));
            return Task.FromResult(ConsentRecordOutcome.Recorded);
        }
    }

    internal sealed class RecordingSendGridEventLog : ISendGridEventLog
    {
        public List<SendGridEvent> Deliveries { get; } = [];

        public List<UnhandledSendGridEvent> Unhandled { get; } = [];

        public Task RecordDeliveryAsync(IReadOnlyList<SendGridEvent> events, CancellationToken cancellationToken)
        {
            Deliveries.AddRange(events);
            return Task.CompletedTask;
        }

        public Task KeepUnhandledAsync(
            IReadOnlyList<UnhandledSendGridEvent> events,
            CancellationToken cancellationToken
        )
        {
            Unhandled.AddRange(events);
            return Task.CompletedTask;
        }
    }
}
