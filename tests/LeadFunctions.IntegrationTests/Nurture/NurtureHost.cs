using System.Net;
using LeadFunctions.Adapters.Campaigns;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;
using LeadFunctions.Functions.Nurture;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.IntegrationTests.Nurture;

/// <summary>
/// The real runtime against Azurite and the SendGrid stand-in, on a clock a test moves forward by days
/// (<see cref="ShiftedClock"/>: real timers, shifted "now"). The nurture timer is switched off on the schedule and
/// run by the test (<see cref="TickAsync"/>); the nurture-send queue runs on the runtime's own listener.
/// </summary>
internal sealed class NurtureHost : IAsyncDisposable
{
    private readonly Started started;

    private NurtureHost((TestHost Host, SendGridStandIn SendGrid, ShiftedClock Clock) parts, Started started) =>
        (Host, SendGrid, Clock, this.started) = (parts.Host, parts.SendGrid, parts.Clock, started);

    public TestHost Host { get; }

    public SendGridStandIn SendGrid { get; }

    public ShiftedClock Clock { get; }

    /// <summary>The queue functions a nurture test does not use: switched off where their polling would blur a count of
    /// storage operations.</summary>
    public static readonly string[] OtherQueueFunctions =
    [
        "ProcessLeadIntake",
        "ProcessImportBatch",
        "RecordEngagement",
        "DeliverSalesHandoff",
        "RescoreLeadPart",
        "SendConsentConfirmation",
        "ProcessConsentImport",
        "ProcessSendGridEvents",
    ];

    public static Task<NurtureHost> StartAsync(IAzurite azurite, params string[] settings) =>
        StartAsync(azurite, logs: null, settings);

    /// <summary>A host whose log entries also go to <paramref name="logs"/>.</summary>
    public static async Task<NurtureHost> StartAsync(IAzurite azurite, ILoggerProvider? logs, params string[] settings)
    {
        var started = new Started(azurite, logs, settings, TestHost.NewPrefix());
        return new NurtureHost(
            await started.HostAsync(await SendGridStandIn.StartAsync(), new ShiftedClock()),
            started
        );
    }

    /// <summary>
    /// Stops this host as a deploy or a scale-in does (gracefully: its functions see their token cancelled) and starts
    /// another on the same storage, SendGrid stand-in and clock; the new one owns the stand-in.
    /// </summary>
    public async Task<NurtureHost> RestartAsync()
    {
        await Host.DisposeAsync();
        return new NurtureHost(await started.HostAsync(SendGrid, Clock), started);
    }

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    public async Task PutAsync(Campaign campaign)
    {
        await Get<ICampaignStore>().PutAsync(campaign, CancellationToken.None);
        Get<CampaignCatalog>().Invalidate();
    }

    public static Campaign ThreeSteps(string id) =>
        new()
        {
            Id = id,
            Name = "Fair follow-up",
            Steps =
            [
                new CampaignStep
                {
                    Id = "welcome",
                    Content = new StepContent(
                        "Hoş geldiniz {{ lead.firstName }}",
                        "<p>Merhaba {{ lead.firstName }}</p>",
                        "Merhaba {{ lead.firstName }}"
                    ),
                },
                new CampaignStep
                {
                    Id = "case-study",
                    Delay = TimeSpan.FromDays(2),
                    Content = new StepContent("Bir başarı hikâyesi", "<p>Vaka</p>", "Vaka"),
                },
                new CampaignStep
                {
                    Id = "offer",
                    Delay = TimeSpan.FromDays(3),
                    Content = new StepContent("Size özel teklif", "<p>Teklif</p>", "Teklif"),
                },
            ],
        };

    /// <summary>A lead with the given consent, enrolled in <paramref name="campaign"/> now (its first step indexed), as
    /// the enrollment triggers do.</summary>
    public async Task<string> EnrollAsync(
        string email,
        Campaign campaign,
        ConsentStatus consent = ConsentStatus.Granted
    )
    {
        var now = Clock.GetUtcNow();
        var lead = new Lead
        {
            Id = LeadId.FromEmail(email),
            Email = email,
            FirstName = "Ayşe",
            Country = "TR",
            Source = "fair",
            Consent = ConsentState.Empty.With(
                ConsentChannel.Email,
                new ChannelConsent(consent, now, consent == ConsentStatus.Pending ? "pending-1" : null)
            ),
            CreatedAt = now,
            UpdatedAt = now,
            LastSubmittedAt = now,
        };
        var moved = EnrollmentSteps.Advance(
            campaign,
            new Enrollment
            {
                CampaignId = campaign.Id,
                EnrolledAt = now,
                Reason = "manual",
            },
            lead,
            null,
            now,
            () => TimeZoneInfo.Utc
        );
        await Get<LeadUpdater>()
            .UpdateAsync(
                lead.Id,
                s =>
                    Task.FromResult<LeadChange?>(
                        LeadChange.Updated(s.Lead ?? lead, s.ETag) with
                        {
                            Enrollments = [moved.Enrollment],
                            Schedule = moved.Next is { } next ? [next] : null,
                        }
                    ),
                CancellationToken.None
            );
        return lead.Id;
    }

    /// <summary>Runs the nurture timer function once.</summary>
    public Task TickAsync() =>
        Get<DispatchNurtureSends>().RunAsync(new TimerRunInfo(false, null, null), CancellationToken.None);

    /// <summary>Moves the clock past the first step's due time, runs the timer and waits for the first email at the
    /// stand-in and its record (from whose time the next step is due) on the lead.</summary>
    public async Task<SentEmail> FirstEmailAsync()
    {
        Clock.Offset += TimeSpan.FromMinutes(1);
        await TickAsync();
        var first = await Eventually.GetAsync(
            () => Task.FromResult(SendGrid.Accepted is [var sent, ..] ? sent : null),
            because: "the first email"
        );
        await SentRecordedAsync(
            first.CustomArgs[MailCustomArgs.LeadId],
            first.CustomArgs[MailCustomArgs.Campaign],
            first.CustomArgs[MailCustomArgs.Step]
        );
        return first;
    }

    /// <summary>Waits until the lead's step is recorded sent (from whose time its next step is due).</summary>
    public Task SentRecordedAsync(string leadId, string campaignId, string stepId) =>
        Eventually.TrueAsync(
            async () => (await EnrollmentAsync(leadId, campaignId))?.Step(stepId)?.State == StepState.Sent,
            because: $"step {stepId} of {campaignId} recorded sent"
        );

    /// <summary>SendGrid's event of <paramref name="type"/> about <paramref name="email"/> (with its custom args),
    /// signed by <paramref name="signer"/> and posted to the Event Webhook now, as SendGrid does; answered 200.</summary>
    public async Task PostEventAsync(SendGridSigner signer, SentEmail email, string type, string id)
    {
        var args = string.Concat(email.CustomArgs.Select(a => $",\"{a.Key}\":\"{a.Value}\""));
        var at = Clock.GetUtcNow();
        using var answer = await Host.Client.SendAsync(
            signer.Post(
                $$"""[{"email":"{{email.To}}","timestamp":{{at.ToUnixTimeSeconds()}},"event":"{{type}}","sg_event_id":"{{id}}"{{args}}}]""",
                at
            )
        );
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    /// <summary>
    /// The campaign's stats once <paramref name="shows"/> holds (counts are committed within
    /// <see cref="GroupCommittedCounters.Window"/>), read again a window later, when a count still on its way would
    /// have landed too.
    /// </summary>
    public async Task<CampaignStats> StatsAsync(string campaignId, Func<CampaignStats, bool> shows)
    {
        var stats = Get<ICampaignStats>();
        await Eventually.TrueAsync(
            async () => shows(await stats.ReadAsync(campaignId, CancellationToken.None)),
            because: $"the stats of {campaignId}"
        );
        await Task.Delay(GroupCommittedCounters.Window + TimeSpan.FromSeconds(1));
        return await stats.ReadAsync(campaignId, CancellationToken.None);
    }

    public async Task<Enrollment?> EnrollmentAsync(string leadId, string campaignId) =>
        (await Get<ILeadStore>().LoadAsync(leadId, CancellationToken.None)).EnrollmentIn(campaignId);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await SendGrid.DisposeAsync();
    }
}

/// <summary>How a nurture host was started: a restart starts the next one alike.</summary>
internal sealed record Started(IAzurite Azurite, ILoggerProvider? Logs, string[] Settings, string Prefix)
{
    public async Task<(TestHost Host, SendGridStandIn SendGrid, ShiftedClock Clock)> HostAsync(
        SendGridStandIn sendGrid,
        ShiftedClock clock
    )
    {
        var host = await TestHost.StartAsync(
            Azurite,
            builder =>
            {
                builder.Services.AddSingleton<TimeProvider>(clock);
                if (Logs is not null)
                {
                    builder.Logging.AddProvider(Logs);
                }
            },
            prefix: Prefix,
            settings: [.. sendGrid.HostSettings, "--AzureWebJobs.DispatchNurtureSends.Disabled=true", .. Settings]
        );
        return (host, sendGrid, clock);
    }
}
