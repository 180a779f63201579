using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Nurture;

namespace LeadFunctions.Core.Tests.Nurture;

/// <summary>The nurture timer and send function over the in-memory pipeline, a fake clock and a recording email
/// sender.</summary>
internal sealed class NurtureWorld
{
    public static readonly ConsentLinks Links = new(
        new Uri("https://leads.example.com/"),
        new ConsentTokens("a-secret-of-at-least-thirty-two-characters")
    );
    public static readonly SenderIdentity Sender = new("Acme Pazarlama", "Levent Mah. 1, 34330 İstanbul");

    public NurtureWorld(NurtureRules? rules = null, ConsentSettings? consent = null)
    {
        Pipeline = new Pipeline(consent);
        Queue = new RecordingSendQueue(Pipeline.Time);
        Renderer = new NurtureRenderer(Links, Sender);
        var sendRules = new NurtureSendRules(
            Pipeline.Campaigns,
            Pipeline.DueSends,
            Suppressions,
            Pipeline.Zones,
            Renderer,
            rules ?? NurtureRules.Default,
            Pipeline.ConsentSettings,
            Pipeline.Time
        );
        NurtureSender = new NurtureSender(
            Pipeline.Store,
            Suppressions,
            Pipeline.Updater,
            sendRules,
            Email,
            Links,
            Pipeline.Time
        );
        Scheduler = new NurtureScheduler(Pipeline.DueSends, Queue, Pipeline.Campaigns, Pipeline.Time, Pipeline.Ids);
        Switch = new CampaignSwitch(Pipeline.Campaigns, Pipeline.Campaigns, ResumeQueue, Pipeline.Time);
        Editor = new CampaignEditor(
            Pipeline.Campaigns,
            Pipeline.Campaigns,
            Pipeline.Stats,
            Pipeline.DueSends,
            ResumeQueue,
            Pipeline.Time
        );
        Release = new HeldSendRelease(
            Pipeline.Campaigns,
            Pipeline.DueSends,
            Pipeline.Updater,
            ResumeQueue,
            Pipeline.Zones
        );
    }

    public CampaignSwitch Switch { get; }

    public CampaignEditor Editor { get; }

    public HeldSendRelease Release { get; }

    public RecordingResumeQueue ResumeQueue { get; } = new();

    public Pipeline Pipeline { get; }

    public NurtureRenderer Renderer { get; }

    public NurtureSender NurtureSender { get; }

    public NurtureScheduler Scheduler { get; }

    public InMemorySuppressionList Suppressions { get; } = new();

    public SwitchableEmailSender Email { get; } = new();

    public RecordingSendQueue Queue { get; }

    public DateTimeOffset Now => Pipeline.Time.GetUtcNow();

    public static Lead Lead(
        string email,
        string country = "TR",
        ConsentStatus consent = ConsentStatus.Granted,
        string? firstName = "Ayşe"
    ) =>
        new()
        {
            Id = LeadId.FromEmail(email),
            Email = email,
            FirstName = firstName,
            Country = country,
            Source = "web",
            Consent = ConsentState.Empty.With(
                ConsentChannel.Email,
                new ChannelConsent(consent, Pipeline.Start, consent == ConsentStatus.Pending ? "p1" : null)
            ),
            CreatedAt = Pipeline.Start,
            UpdatedAt = Pipeline.Start,
            LastSubmittedAt = Pipeline.Start,
        };

    public static Campaign Campaign(string id, params (string Id, TimeSpan Delay)[] steps) =>
        new()
        {
            Id = id,
            Name = $"Campaign {id}",
            Steps =
            [
                .. steps.Select(s => new CampaignStep
                {
                    Id = s.Id,
                    Delay = s.Delay,
                    Content = new StepContent(
                        $"{s.Id} için {{{{ lead.firstName }}}}",
                        $"<p>Merhaba {{{{ lead.firstName }}}}, {s.Id}</p>",
                        $"Merhaba {{{{ lead.firstName }}}}, {s.Id}"
                    ),
                }),
            ],
        };

    public void Put(Campaign campaign)
    {
        Pipeline.Campaigns.Campaigns.RemoveAll(c => c.Id == campaign.Id);
        Pipeline.Campaigns.Campaigns.Add(campaign);
    }

    /// <summary>Creates the lead (if new) enrolled in <paramref name="campaign"/> now, its first step indexed, as the
    /// enrollment helper would.</summary>
    public async Task EnrollAsync(
        Lead lead,
        Campaign campaign,
        IReadOnlyDictionary<string, DateTimeOffset>? dates = null
    )
    {
        var enrollment = new Enrollment
        {
            CampaignId = campaign.Id,
            EnrolledAt = Now,
            Reason = "manual",
            Dates = dates,
        };
        var moved = EnrollmentSteps.Advance(campaign, enrollment, lead, null, Now, () => Pipeline.Zones.ZoneOf(lead));
        await Pipeline.Updater.UpdateAsync(
            lead.Id,
            s =>
                Task.FromResult<LeadChange?>(
                    LeadChange.Updated(s.Lead ?? lead, s.ETag) with
                    {
                        Enrollments = [moved.Enrollment],
                        Schedule = moved.Next is { } next ? [next] : null,
                        Counts = moved.Counts,
                    }
                ),
            CancellationToken.None
        );
    }

    public Task ChangeLeadAsync(string leadId, Func<Lead, Lead> change) =>
        Pipeline.Updater.UpdateAsync(
            leadId,
            s => Task.FromResult<LeadChange?>(LeadChange.Updated(change(s.Lead!), s.ETag)),
            CancellationToken.None
        );

    /// <summary>One timer run and every message it queued handled.</summary>
    public async Task<IReadOnlyList<NurtureSendOutcome>> TickAsync()
    {
        await Scheduler.DispatchAsync(CancellationToken.None);
        var outcomes = new List<NurtureSendOutcome>();
        foreach (var batch in Queue.Take())
        {
            outcomes.AddRange(await NurtureSender.SendAsync(batch, CancellationToken.None));
        }

        return outcomes;
    }

    /// <summary>
    /// One timer run whose one message is delivered with SendGrid answering 504: the email may have gone, so its claim
    /// stays and the message fails. The message, for its redelivery.
    /// </summary>
    public async Task<NurtureSendBatch> ClaimedAndCutAsync()
    {
        await Scheduler.DispatchAsync(CancellationToken.None);
        var message = Assert.Single(Queue.Take());
        Email.FailNext = new EmailSendException("SendGrid answered 504.", 504);
        await Assert.ThrowsAsync<EmailSendException>(() => NurtureSender.SendAsync(message, CancellationToken.None));
        return message;
    }

    /// <summary>Every campaign-resume message queued (and those they queue) handled, delays not waited for.</summary>
    public async Task<IReadOnlyList<HeldSendSummary>> ReleaseAsync()
    {
        var summaries = new List<HeldSendSummary>();
        while (ResumeQueue.Take() is { Count: > 0 } requests)
        {
            foreach (var request in requests)
            {
                summaries.Add(await Release.RunAsync(request, CancellationToken.None));
            }
        }

        return summaries;
    }

    /// <summary>Moves the clock minute by minute (hours at a time when nothing is due), running the timer each
    /// time.</summary>
    public async Task RunForAsync(TimeSpan span, TimeSpan? step = null)
    {
        var until = Now + span;
        while (Now < until)
        {
            Pipeline.Time.Advance(step ?? TimeSpan.FromMinutes(30));
            await TickAsync();
        }
    }

    public Enrollment? EnrollmentOf(string leadId, string campaignId) =>
        Pipeline.Store.Enrollments(leadId).FirstOrDefault(e => e.CampaignId == campaignId);

    public IReadOnlyList<OutgoingEmail> SentTo(string email) => [.. Email.Sent.Where(m => m.To == email)];
}

/// <summary>Istanbul for Turkey, New York for the US, UTC otherwise.</summary>
internal sealed class CountryZones : IRecipientTimeZones
{
    public TimeZoneInfo ZoneOf(Lead lead) =>
        lead.Country switch
        {
            "TR" => TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul"),
            "US" => TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
            _ => TimeZoneInfo.Utc,
        };
}

/// <summary>
/// Records each send; <see cref="Failure"/> makes the next sends throw it instead (nothing recorded),
/// <see cref="FailNext"/> the next one only. <see cref="InFlight"/> runs while a request is on its way (before
/// SendGrid's answer), under the token the request was given: a request cut by its token is not recorded.
/// </summary>
internal sealed class SwitchableEmailSender : IEmailSender
{
    public List<OutgoingEmail> Sent { get; } = [];

    public Exception? Failure { get; set; }

    public Exception? FailNext { get; set; }

    public Func<OutgoingEmail, Task>? InFlight { get; set; }

    public async Task<EmailSendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        if ((Failure ?? FailNext) is { } failure)
        {
            FailNext = null;
            throw failure;
        }

        if (InFlight is { } inFlight)
        {
            await inFlight(email);
        }

        cancellationToken.ThrowIfCancellationRequested();
        Sent.Add(email);
        return new EmailSendResult($"msg-{Sent.Count}");
    }
}

/// <summary>nurture-send as a list: <see cref="Take"/> hands out the messages visible by the clock's now (every one
/// without a clock).</summary>
internal sealed class RecordingSendQueue(TimeProvider? time = null) : INurtureSendQueue
{
    private readonly List<(NurtureSendBatch Batch, DateTimeOffset VisibleAt)> pending = [];

    public List<NurtureSendBatch> All { get; } = [];

    /// <summary>Each message queued with the delay it was given.</summary>
    public List<(NurtureSendBatch Batch, TimeSpan VisibleAfter)> Queued { get; } = [];

    public Task EnqueueAsync(NurtureSendBatch batch, TimeSpan visibleAfter, CancellationToken cancellationToken)
    {
        lock (pending)
        {
            pending.Add((batch, (time?.GetUtcNow() ?? DateTimeOffset.MinValue) + visibleAfter));
            All.Add(batch);
            Queued.Add((batch, visibleAfter));
        }

        return Task.CompletedTask;
    }

    public IReadOnlyList<NurtureSendBatch> Take()
    {
        lock (pending)
        {
            var visible = pending.Where(p => time is null || p.VisibleAt <= time.GetUtcNow()).ToList();
            pending.RemoveAll(visible.Contains);
            return [.. visible.Select(p => p.Batch)];
        }
    }
}
