using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Tests.Nurture;

namespace LeadFunctions.Core.Tests.Campaigns;

/// <summary>Waits woken by what people do or timed out, conditions on the person, and jumps, with a fake clock.</summary>
public sealed class JourneyTests
{
    private const string Ayse = "ayse@acme.com.tr";
    private static readonly string AyseId = LeadId.FromEmail(Ayse);

    /// <summary>welcome → wait for a demo request (or a click of welcome) at most 7 days → thanks, else nudge.</summary>
    private static readonly Campaign DemoJourney = Journey(
        "demo",
        Email("welcome"),
        Wait(
            "wait-demo",
            new WaitUntil { Events = [EventTypes.DemoRequest], Clicked = "welcome" },
            TimeSpan.FromDays(7),
            then: "thanks",
            timeout: "nudge"
        ),
        Email("thanks") with
        {
            Next = Journeys.End,
        },
        Email("nudge", TimeSpan.FromHours(1))
    );

    /// <summary>welcome → wait a day for its click → thanks; not clicked: a reminder, and back to the wait.</summary>
    private static readonly Campaign ClickLoop = Journey(
        "loop",
        Email("welcome"),
        Wait("clicked", new WaitUntil { Clicked = "welcome" }, TimeSpan.FromDays(1), "thanks", "reminder"),
        Email("reminder") with
        {
            Next = "clicked",
        },
        Email("thanks")
    );

    [Fact]
    public async Task Wait_TheEventComes_WokenInItsWrite_ThenBranchSentSeconds_Later_TimeoutNever()
    {
        var world = await EnrolledAsync(DemoJourney);
        await world.TickAsync();
        Assert.Equal("wait-demo", world.EnrollmentOf(AyseId, "demo")!.NextStepId);

        world.Pipeline.Time.Advance(TimeSpan.FromHours(5));
        await DemoRequestAsync(world);

        var woken = world.EnrollmentOf(AyseId, "demo")!;
        Assert.Equal(("thanks", world.Now), (woken.NextStepId, woken.NextDueAt));
        Assert.Equal(
            (StepState.Passed, Journeys.Then),
            (woken.Step("wait-demo")!.State, woken.Step("wait-demo")!.Branch)
        );
        Assert.Contains(world.Pipeline.DueSends.Sends, d => d.StepId == "thanks" && d.DueAt == world.Now);

        world.Pipeline.Time.Advance(TimeSpan.FromSeconds(5));
        await world.TickAsync();
        await world.RunForAsync(TimeSpan.FromDays(10));

        Assert.Equal(["welcome", "thanks"], Subjects(world));
        Assert.Equal(EnrollmentStatus.Completed, world.EnrollmentOf(AyseId, "demo")!.Status);
        Assert.Equal((1, 0), Branches(world, "wait-demo"));
    }

    [Fact]
    public async Task Wait_AnEventDoneBeforeItBegan_ReportedLate_DoesNotWakeIt()
    {
        var world = await EnrolledAsync(DemoJourney);
        await world.TickAsync();
        world.Pipeline.Time.Advance(TimeSpan.FromHours(1));

        await DemoRequestAsync(world, at: world.Now.AddHours(-2));

        Assert.Equal("wait-demo", world.EnrollmentOf(AyseId, "demo")!.NextStepId);
    }

    [Fact]
    public async Task Wait_NothingComes_TimesOutAtItsEnd_TimeoutBranch()
    {
        var world = await EnrolledAsync(DemoJourney);
        await world.TickAsync();

        await world.RunForAsync(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));
        Assert.Equal(["welcome"], Subjects(world));

        await world.RunForAsync(TimeSpan.FromHours(2), TimeSpan.FromMinutes(5));

        Assert.Equal(["welcome", "nudge"], Subjects(world));
        var enrollment = world.EnrollmentOf(AyseId, "demo")!;
        Assert.Equal(Journeys.Timeout, enrollment.Step("wait-demo")!.Branch);
        Assert.Equal(EnrollmentStatus.Completed, enrollment.Status);
        Assert.Equal((0, 1), Branches(world, "wait-demo"));
    }

    [Fact]
    public async Task Wait_AClickOfAnEarlierEmail_WokenByItsSendGridEvent()
    {
        var world = await EnrolledAsync(DemoJourney);
        await world.TickAsync();

        await Recorder(world).RecordAsync(Click(world), default);

        var woken = world.EnrollmentOf(AyseId, "demo")!;
        Assert.True(woken.Step("welcome")!.Clicked);
        Assert.Equal("thanks", woken.NextStepId);
        Assert.Equal(1, world.Pipeline.Stats.Count("demo", CampaignMetric.Then, "wait-demo"));
    }

    [Fact]
    public async Task Wait_ForAScore_WokenWhenARescoreReachesIt_NotBefore()
    {
        var campaign = Journey(
            "score",
            Wait("hot", new WaitUntil { MinScore = 50 }, TimeSpan.FromDays(30), then: "offer", timeout: Journeys.End),
            Email("offer")
        );
        var world = await EnrolledAsync(campaign);

        await world.ChangeLeadAsync(AyseId, l => l with { Score = new LeadScore(20, 20) });
        Assert.Equal("hot", world.EnrollmentOf(AyseId, "score")!.NextStepId);
        await world.ChangeLeadAsync(AyseId, l => l with { Score = new LeadScore(20, 35) });

        Assert.Equal("offer", world.EnrollmentOf(AyseId, "score")!.NextStepId);
        await world.TickAsync();
        Assert.Equal(["offer"], Subjects(world));
    }

    [Fact]
    public async Task Wait_ForAStage_WokenWhenTheLeadEntersIt()
    {
        var campaign = Journey(
            "stage",
            Wait("is-sql", new WaitUntil { Stages = [LifecycleStage.Sql] }, TimeSpan.FromDays(14), "meet", "end"),
            Email("meet")
        );
        var world = await EnrolledAsync(campaign);
        await world.ChangeLeadAsync(AyseId, l => l with { Stage = LifecycleStage.Mql });
        Assert.Equal("is-sql", world.EnrollmentOf(AyseId, "stage")!.NextStepId);

        await world.ChangeLeadAsync(AyseId, l => l with { Stage = LifecycleStage.Sql });

        Assert.Equal(
            ("meet", world.Now),
            (world.EnrollmentOf(AyseId, "stage")!.NextStepId, world.EnrollmentOf(AyseId, "stage")!.NextDueAt)
        );
    }

    [Fact]
    public async Task Wait_AlreadyAsItWants_PassedAtOnceWhenReached()
    {
        var campaign = Journey(
            "sql",
            Wait("is-sql", new WaitUntil { Stages = [LifecycleStage.Sql] }, TimeSpan.FromDays(3), "meet", "later"),
            Email("meet") with
            {
                Next = Journeys.End,
            },
            Email("later")
        );
        var world = new NurtureWorld();
        world.Put(campaign);
        await world.EnrollAsync(NurtureWorld.Lead(Ayse) with { Stage = LifecycleStage.Sql }, campaign);

        var enrollment = world.EnrollmentOf(AyseId, "sql")!;
        Assert.Equal(("meet", Journeys.Then), (enrollment.NextStepId, enrollment.Step("is-sql")!.Branch));
    }

    [Fact]
    public async Task Wait_AStopConditionMeanwhile_Stops_TheTimeoutSendsNothing()
    {
        var world = await EnrolledAsync(
            DemoJourney with
            {
                StopWhen = new StopConditions { Stages = [LifecycleStage.Disqualified] },
            }
        );
        await world.TickAsync();

        await world.ChangeLeadAsync(AyseId, l => l with { Stage = LifecycleStage.Disqualified });
        await world.RunForAsync(TimeSpan.FromDays(8));

        Assert.Equal(["welcome"], Subjects(world));
        Assert.Equal(EnrollmentStatus.Stopped, world.EnrollmentOf(AyseId, "demo")!.Status);
    }

    [Theory]
    [InlineData("TR", "tr-offer")]
    [InlineData("US", "global-offer")]
    public async Task Condition_OnTheCountry_EachPersonTheirBranch_Counted(string country, string expected)
    {
        var campaign = Journey(
            "country",
            Condition("in-turkey", new PersonCondition { Countries = ["tr"] }, "tr-offer", "global-offer"),
            Email("tr-offer") with
            {
                Next = Journeys.End,
            },
            Email("global-offer")
        );
        var world = new NurtureWorld();
        world.Put(campaign);
        await world.EnrollAsync(NurtureWorld.Lead(Ayse, country), campaign);
        await world.TickAsync();

        Assert.Equal([expected], Subjects(world));
        Assert.Equal(
            country == "TR" ? (1, 0) : (0, 1),
            (
                world.Pipeline.Stats.Count("country", CampaignMetric.Then, "in-turkey"),
                world.Pipeline.Stats.Count("country", CampaignMetric.Else, "in-turkey")
            )
        );
    }

    [Theory]
    [InlineData(true, "opened")]
    [InlineData(false, "not-opened")]
    public async Task Condition_EngagedWithAnEarlierEmail_DecidedWhenReached(bool opens, string expected)
    {
        var campaign = Journey(
            "engaged",
            Email("welcome"),
            Email("check-in", TimeSpan.FromDays(2)) with
            {
                Next = "opened-welcome",
            },
            Condition("opened-welcome", new PersonCondition { Opened = "welcome" }, "opened", "not-opened"),
            Email("opened") with
            {
                Next = Journeys.End,
            },
            Email("not-opened")
        );
        var world = await EnrolledAsync(campaign);
        await world.TickAsync();
        if (opens)
        {
            await Recorder(world).RecordAsync(Click(world) with { Type = "open", Url = null }, default);
        }

        await world.RunForAsync(TimeSpan.FromDays(3));

        Assert.Equal(["welcome", "check-in", expected], Subjects(world));
    }

    [Fact]
    public async Task Loop_BackToAWait_EachEmailSentOnce_EndsWhenNothingWasSentSinceTheWaitLastTimedOut()
    {
        // The reminder goes once (an email is sent at most once per enrollment); the second time round nothing is left
        // to send, so the enrollment ends.
        var world = await EnrolledAsync(ClickLoop);

        await world.RunForAsync(TimeSpan.FromDays(4));

        Assert.Equal(["welcome", "reminder"], Subjects(world));
        Assert.Equal(EnrollmentStatus.Completed, world.EnrollmentOf(AyseId, "loop")!.Status);
        Assert.Equal(2, world.Pipeline.Stats.Count("loop", CampaignMetric.TimedOut, "clicked"));
    }

    [Fact]
    public async Task Loop_BackToAWait_AClickInTheSecondRound_WakesIt()
    {
        var world = await EnrolledAsync(ClickLoop);
        await world.RunForAsync(TimeSpan.FromHours(36));
        Assert.Equal(["welcome", "reminder"], Subjects(world));

        await Recorder(world).RecordAsync(Click(world), default);
        await world.RunForAsync(TimeSpan.FromDays(2));

        Assert.Equal(["welcome", "reminder", "thanks"], Subjects(world));
    }

    [Fact]
    public async Task Wait_HeldWhilePaused_ThenRemoved_ResumedSkippingMissed_TheEnrollmentGoesOn_NotStranded()
    {
        var world = await EnrolledAsync(DemoJourney);
        await world.TickAsync();
        await world.Switch.PauseAsync("demo", default);
        await world.RunForAsync(TimeSpan.FromDays(8));
        world.Put(DemoJourney with { Steps = [.. DemoJourney.Steps.Where(s => s.Id != "wait-demo")] });

        await world.Switch.ResumeAsync("demo", MissedSends.Skip, default);
        await world.ReleaseAsync();
        await world.RunForAsync(TimeSpan.FromHours(2), TimeSpan.FromMinutes(5));

        Assert.Equal(["welcome", "thanks"], Subjects(world));
        Assert.Equal(EnrollmentStatus.Completed, world.EnrollmentOf(AyseId, "demo")!.Status);
    }

    [Fact]
    public async Task Wait_ForAnOpen_AClickWithNoOpenSeen_CountsAsOpened()
    {
        var campaign = Journey(
            "opened",
            Email("welcome"),
            Wait("opened", new WaitUntil { Opened = "welcome" }, TimeSpan.FromDays(3), "thanks", Journeys.End),
            Email("thanks")
        );
        var world = await EnrolledAsync(campaign);
        await world.TickAsync();

        await Recorder(world).RecordAsync(Click(world), default);

        Assert.Equal("thanks", world.EnrollmentOf(AyseId, "opened")!.NextStepId);
    }

    [Fact]
    public async Task Wait_TimedOutWhilePaused_HeldThenPutBackEvenWhenMissedSendsAreSkipped()
    {
        var world = await EnrolledAsync(DemoJourney);
        await world.TickAsync();
        await world.Switch.PauseAsync("demo", default);
        await world.RunForAsync(TimeSpan.FromDays(8));

        await world.Switch.ResumeAsync("demo", MissedSends.Skip, default);
        await world.ReleaseAsync();
        await world.RunForAsync(TimeSpan.FromHours(2), TimeSpan.FromMinutes(5));

        Assert.Equal(["welcome", "nudge"], Subjects(world));
    }

    [Fact]
    public async Task ReminderTimedToADate_HeldByTheGapPastItsTime_Missed_NeverSentLate()
    {
        var campaign = Journey(
            "webinar",
            Email("hour-before") with
            {
                At = new StepAt(null, [], EnrollmentDates.WebinarStartsAt, TimeSpan.FromHours(-1)),
            },
            Email("after", TimeSpan.FromDays(2))
        );
        var world = new NurtureWorld();
        world.Put(campaign);
        var startsAt = world.Now.AddHours(3);
        // Another campaign's email went an hour ago: the 24-hour gap holds the reminder past the webinar.
        await world.EnrollAsync(
            NurtureWorld.Lead(Ayse) with
            {
                LastNurtureAt = world.Now.AddHours(-1),
            },
            campaign,
            new Dictionary<string, DateTimeOffset> { [EnrollmentDates.WebinarStartsAt] = startsAt }
        );
        Assert.Equal(startsAt.AddHours(-1), world.EnrollmentOf(AyseId, "webinar")!.NextDueAt);

        world.Pipeline.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal([NurtureSendOutcome.Skipped], await world.TickAsync());

        var enrollment = world.EnrollmentOf(AyseId, "webinar")!;
        Assert.Equal((StepState.Skipped, "after"), (enrollment.Step("hour-before")!.State, enrollment.NextStepId));
        Assert.Equal(1, world.Pipeline.Stats.Count("webinar", CampaignMetric.Missed, "hour-before"));
        Assert.Empty(world.Email.Sent);
    }

    [Fact]
    public async Task ReminderTimedToADate_ReachedAfterItsTime_MissedAtOnce_TheNextStepDue()
    {
        var campaign = Journey(
            "webinar",
            Email("day-before") with
            {
                At = new StepAt(new TimeOnly(10, 0), [], EnrollmentDates.WebinarStartsAt, TimeSpan.FromDays(-1)),
            },
            Email("welcome-late")
        );
        var world = new NurtureWorld();
        world.Put(campaign);

        await world.EnrollAsync(
            NurtureWorld.Lead(Ayse),
            campaign,
            new Dictionary<string, DateTimeOffset> { [EnrollmentDates.WebinarStartsAt] = world.Now.AddHours(5) }
        );

        var enrollment = world.EnrollmentOf(AyseId, "webinar")!;
        Assert.Equal(("welcome-late", world.Now), (enrollment.NextStepId, enrollment.NextDueAt));
        Assert.Equal(1, world.Pipeline.Stats.Count("webinar", CampaignMetric.Missed, "day-before"));
    }

    [Fact]
    public async Task AHigherPriorityCampaignsWaitTimingOut_HoldsNoEmailOfAnotherBack()
    {
        var rival = Journey(
            "rival",
            Wait("clicked", new WaitUntil { Events = [EventTypes.DemoRequest] }, TimeSpan.FromHours(1), null, "end"),
            Email("never")
        ) with
        {
            Priority = 10,
        };
        var low = NurtureWorld.Campaign("low", ("hello", TimeSpan.FromHours(1)));
        var world = new NurtureWorld();
        world.Put(rival);
        world.Put(low);
        await world.EnrollAsync(NurtureWorld.Lead(Ayse), rival);
        await world.EnrollAsync(NurtureWorld.Lead(Ayse), low);

        world.Pipeline.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        // The low campaign's send alone, with the rival's timeout due and not dealt with yet.
        var due = world.EnrollmentOf(AyseId, "low")!.NextDueAt!.Value;
        var outcomes = await world.NurtureSender.SendAsync(
            NurtureSendBatch.Of("d1", [new DueSend(AyseId, "low", "hello", due)]),
            CancellationToken.None
        );

        Assert.Equal([NurtureSendOutcome.Sent], outcomes);
    }

    /// <summary>After the webinar: attended → recording; a no-show (webinar_missed) → sorry; nothing → sorry.</summary>
    private static readonly Campaign AfterTheWebinar = Journey(
        "webinar",
        new CampaignStep
        {
            Id = "after",
            Wait = new StepWait(
                new WaitUntil { Events = [EventTypes.WebinarAttended, EventTypes.WebinarMissed] },
                TimeSpan.FromDays(3),
                "recording",
                "sorry"
            )
            {
                On = new Dictionary<string, string> { [EventTypes.WebinarMissed] = "sorry" },
            },
        },
        Email("recording") with
        {
            Next = Journeys.End,
        },
        Email("sorry")
    );

    [Theory]
    [InlineData(EventTypes.WebinarMissed, "sorry", "webinar_missed")]
    [InlineData(EventTypes.WebinarAttended, "recording", "then")]
    public async Task Wait_AnEventItsOnNames_TakesItsOwnBranchAtOnce_AnyOtherWakingEventThen(
        string type,
        string email,
        string branch
    )
    {
        var world = await EnrolledAsync(AfterTheWebinar);
        world.Pipeline.Time.Advance(TimeSpan.FromHours(2));

        await EventAsync(world, type);

        var woken = world.EnrollmentOf(AyseId, "webinar")!;
        Assert.Equal((email, world.Now), (woken.NextStepId, woken.NextDueAt));
        Assert.Equal(branch, woken.Step("after")!.Branch);
        world.Pipeline.Time.Advance(TimeSpan.FromSeconds(5));
        await world.RunForAsync(TimeSpan.FromDays(4));
        Assert.Equal([email], Subjects(world));
        var stats = await world.Pipeline.Stats.ReadAsync("webinar", CancellationToken.None);
        var expected = new Dictionary<string, long>
        {
            ["then"] = 0,
            ["timeout"] = 0,
            ["webinar_missed"] = 0,
        };
        expected[branch] = 1;
        Assert.Equal(expected, stats.Branches(AfterTheWebinar.Steps[0]));
    }

    [Fact]
    public async Task Wait_WithOn_NothingComes_TimesOut_TheTimeoutBranch()
    {
        var world = await EnrolledAsync(AfterTheWebinar);

        await world.RunForAsync(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));

        Assert.Equal(["sorry"], Subjects(world));
        Assert.Equal(Journeys.Timeout, world.EnrollmentOf(AyseId, "webinar")!.Step("after")!.Branch);
        Assert.Equal((0, 1), Branches(world, "after"));
        Assert.Equal(0, world.Pipeline.Stats.Count("webinar", CampaignMetric.On, "after"));
    }

    [Fact]
    public async Task Wait_AttendedThenMissedInOneChange_TheFirstDoneDecides()
    {
        var world = await EnrolledAsync(AfterTheWebinar);
        world.Pipeline.Time.Advance(TimeSpan.FromHours(2));

        // Attended a minute before the (wrong) no-show, listed after it.
        await EventAsync(world, EventTypes.WebinarAttended, EventTypes.WebinarMissed);

        Assert.Equal("recording", world.EnrollmentOf(AyseId, "webinar")!.NextStepId);
    }

    [Fact]
    public async Task StraightLineCampaign_UnchangedByJourneys_DelaysFromTheLastSend()
    {
        var world = await EnrolledAsync(
            NurtureWorld.Campaign("fair", ("welcome", TimeSpan.Zero), ("case-study", TimeSpan.FromDays(2)))
        );
        await world.TickAsync();
        var sentAt = world.EnrollmentOf(AyseId, "fair")!.Step("welcome")!.SentAt;

        Assert.Equal(sentAt + TimeSpan.FromDays(2), world.EnrollmentOf(AyseId, "fair")!.NextDueAt);
    }

    internal static Campaign Journey(string id, params CampaignStep[] steps) =>
        NurtureWorld.Campaign(id) with
        {
            Steps = steps,
        };

    internal static CampaignStep Email(string id, TimeSpan? delay = null) =>
        NurtureWorld.Campaign("x", (id, delay ?? TimeSpan.Zero)).Steps[0];

    internal static CampaignStep Wait(string id, WaitUntil until, TimeSpan atMost, string? then, string? timeout) =>
        new() { Id = id, Wait = new StepWait(until, atMost, then, timeout) };

    internal static CampaignStep Condition(string id, PersonCondition condition, string? then, string? otherwise) =>
        new() { Id = id, Condition = new StepCondition(condition, then, otherwise) };

    private static async Task<NurtureWorld> EnrolledAsync(Campaign campaign)
    {
        var world = new NurtureWorld();
        world.Put(campaign);
        await world.EnrollAsync(NurtureWorld.Lead(Ayse), campaign);
        return world;
    }

    /// <summary>The step ids of the emails sent, in order (each subject starts with its step's id).</summary>
    private static List<string> Subjects(NurtureWorld world) =>
        [.. world.Email.Sent.Select(m => m.Subject.Split(' ')[0])];

    private static (long Then, long TimedOut) Branches(NurtureWorld world, string stepId) =>
        (
            world.Pipeline.Stats.Count(world.Pipeline.Campaigns.Campaigns[0].Id, CampaignMetric.Then, stepId),
            world.Pipeline.Stats.Count(world.Pipeline.Campaigns.Campaigns[0].Id, CampaignMetric.TimedOut, stepId)
        );

    private static Task<UpdateOutcome> DemoRequestAsync(NurtureWorld world, DateTimeOffset? at = null)
    {
        var demo = new EngagementEvent
        {
            EventId = "demo-1",
            LeadId = AyseId,
            Type = EventTypes.DemoRequest,
            OccurredAt = at ?? world.Now,
            Source = "web",
        };
        return world.Pipeline.Updater.UpdateAsync(
            AyseId,
            s => Task.FromResult<LeadChange?>(LeadChange.Engaged(s.Lead!, s.ETag, [], demo)),
            CancellationToken.None
        );
    }

    /// <summary>Events of <paramref name="types"/> in one change, the last one now, each before it a minute
    /// earlier.</summary>
    private static Task<UpdateOutcome> EventAsync(NurtureWorld world, params string[] types)
    {
        var events = types
            .Select(
                (type, i) =>
                    new EngagementEvent
                    {
                        EventId = $"{type}-{i}",
                        LeadId = AyseId,
                        Type = type,
                        OccurredAt = world.Now.AddMinutes(i - types.Length + 1),
                        Source = "zoom",
                    }
            )
            .Reverse()
            .ToArray();
        return world.Pipeline.Updater.UpdateAsync(
            AyseId,
            s => Task.FromResult<LeadChange?>(LeadChange.Engaged(s.Lead!, s.ETag, [], events)),
            CancellationToken.None
        );
    }

    private static NurtureEventRecorder Recorder(NurtureWorld world) => world.Pipeline.Recorder;

    /// <summary>A person's click on the welcome email, a minute ago.</summary>
    private static SendGridEvent Click(NurtureWorld world)
    {
        var enrollment = world.EnrollmentOf(AyseId, world.Pipeline.Campaigns.Campaigns[0].Id)!;
        return new SendGridEvent
        {
            EventId = "click-1",
            Type = "click",
            At = world.Now.AddMinutes(-1),
            Email = Ayse,
            LeadId = AyseId,
            SendId = enrollment.Step("welcome")!.SendId,
            Campaign = enrollment.CampaignId,
            Step = "welcome",
            Kind = MailCustomArgs.NurtureKind,
            Url = "https://acme.com.tr/demo",
        };
    }
}
