using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Randomness;
using LeadFunctions.Core.Referrals;
using LeadFunctions.Core.Sales;
using LeadFunctions.Core.Scoring;
using LeadFunctions.Core.Tests.Nurture;
using LeadFunctions.Core.Tests.Randomness;
using Microsoft.Extensions.Time.Testing;

namespace LeadFunctions.Core.Tests;

/// <summary>The Core processing pipeline wired over in-memory ports, with a fake clock.</summary>
internal sealed class Pipeline
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public Pipeline(ConsentSettings? consent = null)
    {
        ConsentSettings = consent ?? ConsentSettings.Default;
        Models = new ScoringModelSource(ModelStore, Time);
        // Waits after a conflict on the real clock (milliseconds), so that the fake one moves only when a test moves
        // it.
        Updater = NewUpdater(TimeProvider.System);
        Intake = new LeadIntakeProcessor(
            Updater,
            new DomainOnlyEnricher(),
            Models,
            ConsentSettings,
            ConsentChanges,
            Confirmations,
            Time
        );
        Consent = new ConsentRecorder(Updater, ConsentChanges, Time);
        Engagement = new EngagementProcessor(Updater, Models, Time);
    }

    public LeadUpdater Updater { get; }

    public InMemoryCampaignCatalog Campaigns { get; } = new();

    /// <summary>Istanbul for Turkey, New York for the US, UTC otherwise.</summary>
    public CountryZones Zones { get; } = new();

    /// <summary>SendGrid's events about campaign emails recorded on their steps, over these stores.</summary>
    public NurtureEventRecorder Recorder => new(Updater, Campaigns, Zones, Time);

    public RecordingDueSendIndex DueSends { get; } = new();

    public InMemoryCampaignStats Stats { get; } = new();

    /// <summary>The spam brake over these stats and campaigns, at the default rate.</summary>
    public LeadFunctions.Core.Campaigns.SpamBrake SpamBrake =>
        new(
            Stats,
            new LeadFunctions.Core.Campaigns.CampaignSwitch(Campaigns, Campaigns, new RecordingResumeQueue(), Time),
            LeadFunctions.Core.Campaigns.SpamBrakeRules.Default,
            Time
        );

    public InMemoryReferralIndex Referrals { get; } = new();

    /// <summary>An updater over this pipeline's stores that waits after a conflict on <paramref name="backoffClock"/>,
    /// three quarters of each backoff unless <paramref name="random"/> says otherwise.</summary>
    public LeadUpdater NewUpdater(
        TimeProvider backoffClock,
        ISalesHandoffQueue? handoffs = null,
        IRandomSource? random = null
    ) =>
        new(
            Store,
            [
                new LegacyConsentSubscriber(),
                new NurturePlanner(Campaigns, Zones, Time),
                new DueSendSubscriber(DueSends),
                new CampaignStatsSubscriber(Stats),
                new ReferralSubscriber(Referrals),
                new SalesHandoffSubscriber(handoffs ?? Handoffs),
            ],
            backoffClock,
            random ?? new FixedRandom(0.5)
        );

    public FakeTimeProvider Time { get; } = new(Start);

    public SequentialIds Ids { get; } = new();

    public InMemoryLeadStore Store { get; } = new();

    public InMemoryScoringModelStore ModelStore { get; } = new();

    public RecordingHandoffQueue Handoffs { get; } = new();

    public ScoringModelSource Models { get; }

    public LeadIntakeProcessor Intake { get; }

    public ConsentRecorder Consent { get; }

    public ConsentSettings ConsentSettings { get; }

    public RecordingConsentChangeLog ConsentChanges { get; } = new();

    public RecordingConfirmationQueue Confirmations { get; } = new();

    public EngagementProcessor Engagement { get; }

    public static LeadSubmission Submission(
        string id,
        string email = "ayse@acme.com.tr",
        string? company = null,
        string? jobTitle = null
    ) =>
        new()
        {
            SubmissionId = id,
            ReceivedAt = Start.AddMinutes(-1),
            Email = email,
            FirstName = "Ayşe",
            Company = company,
            JobTitle = jobTitle,
            Source = "web",
        };

    public EngagementEvent Event(
        string id,
        string type,
        string email = "ayse@acme.com.tr",
        DateTimeOffset? at = null
    ) =>
        new()
        {
            EventId = id,
            LeadId = LeadId.FromEmail(email),
            Type = type,
            OccurredAt = at ?? Time.GetUtcNow(),
            Source = "web",
        };
}
