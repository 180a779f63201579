using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Nurture;

namespace LeadFunctions.Core.Tests.Nurture;

public class NurtureSenderTests
{
    private const string Ayse = "ayse@acme.com.tr";
    private static readonly Campaign ThreeSteps = NurtureWorld.Campaign(
        "fair",
        ("welcome", TimeSpan.Zero),
        ("case-study", TimeSpan.FromDays(2)),
        ("offer", TimeSpan.FromDays(3))
    );

    private static async Task<NurtureWorld> EnrolledAsync(
        Campaign campaign,
        Lead? lead = null,
        NurtureRules? rules = null
    )
    {
        var world = new NurtureWorld(rules);
        world.Put(campaign);
        await world.EnrollAsync(lead ?? NurtureWorld.Lead(Ayse), campaign);
        return world;
    }

    [Fact]
    public async Task ThreeStepCampaign_WalkedThroughDays_SendsEachStepOnce_InOrder_WithCustomArgsAndHeaders()
    {
        var world = await EnrolledAsync(ThreeSteps);

        await world.RunForAsync(TimeSpan.FromDays(8));

        var sent = world.SentTo(Ayse);
        Assert.Equal(["welcome", "case-study", "offer"], sent.Select(m => m.CustomArgs[MailCustomArgs.Step]));
        Assert.All(sent, m =>
            Assert.Equal(
                ("fair", "nurture", LeadId.FromEmail(Ayse)),
                (
                    m.CustomArgs[MailCustomArgs.Campaign],
                    m.CustomArgs[MailCustomArgs.Kind],
                    m.CustomArgs[MailCustomArgs.LeadId]
                )
            )
        );
        Assert.All(sent, m => Assert.Equal("List-Unsubscribe=One-Click", m.Headers["List-Unsubscribe-Post"]));
        Assert.Equal(3, sent.Select(m => m.CustomArgs[MailCustomArgs.SendId]).Distinct().Count());
        var enrollment = world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!;
        Assert.Equal(EnrollmentStatus.Completed, enrollment.Status);
        Assert.All(enrollment.Steps, s => Assert.Equal(StepState.Sent, s.State));
        Assert.Equal(3, world.Pipeline.Stats.Count("fair", CampaignMetric.Sent));
        Assert.Equal(
            2,
            (enrollment.Step("case-study")!.SentAt!.Value - enrollment.Step("welcome")!.SentAt!.Value).Days
        );
        Assert.Equal(["msg-1", "msg-2", "msg-3"], enrollment.Steps.Select(s => s.MessageId));
        var timeline = world
            .Pipeline.Store.Entries(LeadId.FromEmail(Ayse))
            .Where(e => e.Id.StartsWith("nurture|", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(enrollment.Steps.Select(s => $"nurture|{s.SendId}"), timeline.Select(e => e.Id));
        Assert.All(timeline, e => Assert.Equal(TimelineKind.Email, e.Kind));
        Assert.Contains("SendGrid message msg-2", timeline[1].Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConsentStatus.None)]
    [InlineData(ConsentStatus.Withdrawn)]
    public async Task NoConsent_SendsNothing_AndStops(ConsentStatus consent)
    {
        var world = await EnrolledAsync(ThreeSteps, NurtureWorld.Lead(Ayse, consent: consent));

        await world.RunForAsync(TimeSpan.FromHours(2));

        Assert.Empty(world.Email.Sent);
        Assert.Equal(EnrollmentStatus.Stopped, world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!.Status);
    }

    [Fact]
    public async Task PendingDoubleOptIn_SendsNothing_WaitsAndSendsOnceConfirmed()
    {
        var world = await EnrolledAsync(ThreeSteps, NurtureWorld.Lead(Ayse, consent: ConsentStatus.Pending));

        await world.RunForAsync(TimeSpan.FromHours(13));
        Assert.Empty(world.Email.Sent);
        Assert.Equal(EnrollmentStatus.Active, world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!.Status);

        await world.ChangeLeadAsync(LeadId.FromEmail(Ayse), l =>
            l with
            {
                Consent = ConsentState.Empty.With(
                    ConsentChannel.Email,
                    new ChannelConsent(ConsentStatus.Granted, world.Now)
                ),
            }
        );
        await world.RunForAsync(TimeSpan.FromHours(7));
        Assert.Equal(["welcome"], world.Email.Sent.Select(m => m.CustomArgs[MailCustomArgs.Step]));
    }

    [Fact]
    public async Task SuppressedAddress_SendsNothing()
    {
        var world = await EnrolledAsync(ThreeSteps);
        await world.Suppressions.SuppressAsync(
            Ayse,
            SuppressionReason.HardBounce,
            world.Now,
            null,
            CancellationToken.None
        );

        await world.RunForAsync(TimeSpan.FromHours(1));

        Assert.Empty(world.Email.Sent);
        Assert.Equal(EnrollmentStatus.Stopped, world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!.Status);
    }

    [Fact]
    public async Task StageInStopWhen_EndsTheEnrollment_BeforeTheNextStep()
    {
        var world = await EnrolledAsync(
            ThreeSteps with
            {
                StopWhen = new StopConditions { Stages = [LifecycleStage.Sql] },
            }
        );
        await world.RunForAsync(TimeSpan.FromHours(1));

        await world.ChangeLeadAsync(LeadId.FromEmail(Ayse), l => l with { Stage = LifecycleStage.Sql });
        await world.RunForAsync(TimeSpan.FromDays(6));

        Assert.Single(world.Email.Sent);
        Assert.Equal(EnrollmentStatus.Stopped, world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!.Status);
    }

    [Fact]
    public async Task EventInStopWhen_SinceEnrolling_EndsTheEnrollment()
    {
        var world = await EnrolledAsync(
            ThreeSteps with
            {
                StopWhen = new StopConditions { Events = [EventTypes.DemoRequest] },
            }
        );
        await world.RunForAsync(TimeSpan.FromHours(1));

        var demo = new EngagementEvent
        {
            EventId = "demo-1",
            LeadId = LeadId.FromEmail(Ayse),
            Type = EventTypes.DemoRequest,
            OccurredAt = world.Now,
            Source = "web",
        };
        await world.Pipeline.Updater.UpdateAsync(
            demo.LeadId,
            s => Task.FromResult<LeadChange?>(LeadChange.Engaged(s.Lead!, s.ETag, [], demo)),
            CancellationToken.None
        );
        await world.RunForAsync(TimeSpan.FromDays(6));

        Assert.Single(world.Email.Sent);
        Assert.Equal("event:demo_request", world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!.StopReason);
    }

    [Fact]
    public async Task EventBeforeTheStopConditionWasAdded_SinceEnrolling_StillEndsTheEnrollment()
    {
        // The planner stops enrollments on the events it sees arrive; an event that came before the campaign named it
        // is judged by the sender from the lead row's latest event of each type.
        var world = await EnrolledAsync(ThreeSteps);
        await world.RunForAsync(TimeSpan.FromHours(1));
        var demo = new EngagementEvent
        {
            EventId = "demo-2",
            LeadId = LeadId.FromEmail(Ayse),
            Type = EventTypes.DemoRequest,
            OccurredAt = world.Now,
            Source = "web",
        };
        await world.Pipeline.Updater.UpdateAsync(
            demo.LeadId,
            s => Task.FromResult<LeadChange?>(LeadChange.Engaged(s.Lead!, s.ETag, [], demo)),
            CancellationToken.None
        );

        world.Put(ThreeSteps with { StopWhen = new StopConditions { Events = [EventTypes.DemoRequest] } });
        await world.RunForAsync(TimeSpan.FromDays(6));

        Assert.Single(world.Email.Sent);
        Assert.Equal("event:demo_request", world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!.StopReason);
    }

    [Fact]
    public async Task WindowClosed_ForANewYorkLead_SendIsMovedToTheOpening_NotDropped()
    {
        var window = new SendWindow(new TimeOnly(9, 0), new TimeOnly(18, 0), []);
        var world = await EnrolledAsync(
            ThreeSteps with
            {
                SendWindow = window,
            },
            NurtureWorld.Lead("john@acme.com", "US", firstName: "John")
        );
        await world.EnrollAsync(NurtureWorld.Lead(Ayse), ThreeSteps with { SendWindow = window });

        await world.RunForAsync(TimeSpan.FromHours(6), TimeSpan.FromMinutes(1));

        // Enrolled Tue 09:00 UTC: 12:00 in Istanbul (open), 04:00 in New York (closed until 09:00 EST = 14:00 UTC).
        Assert.Equal(
            Pipeline.Start.AddMinutes(1),
            world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!.Step("welcome")!.SentAt
        );
        Assert.Equal(
            new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero),
            world.EnrollmentOf(LeadId.FromEmail("john@acme.com"), "fair")!.Step("welcome")!.SentAt
        );
    }

    [Fact]
    public async Task TwoCampaignsDueTogether_HigherPriorityFirst_TheOtherAfterTheGap()
    {
        var low = NurtureWorld.Campaign("low", ("a", TimeSpan.Zero)) with { Priority = 1 };
        var high = NurtureWorld.Campaign("high", ("b", TimeSpan.Zero)) with { Priority = 5 };
        var world = await EnrolledAsync(low);
        world.Put(high);
        await world.EnrollAsync(NurtureWorld.Lead(Ayse), high);

        await world.RunForAsync(TimeSpan.FromHours(23), TimeSpan.FromMinutes(1));
        Assert.Equal(["high"], world.Email.Sent.Select(m => m.CustomArgs[MailCustomArgs.Campaign]));

        await world.RunForAsync(TimeSpan.FromHours(2), TimeSpan.FromMinutes(1));
        Assert.Equal(["high", "low"], world.Email.Sent.Select(m => m.CustomArgs[MailCustomArgs.Campaign]));
        var lead = world.Pipeline.Store[LeadId.FromEmail(Ayse)]!;
        var first = world.EnrollmentOf(lead.Id, "high")!.Step("b")!.SentAt!.Value;
        Assert.True(world.EnrollmentOf(lead.Id, "low")!.Step("a")!.SentAt!.Value - first >= TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task ClaimOfThisMessagesEarlierDelivery_IsUncertain_NeverSent_AndTheEnrollmentMovesOn()
    {
        var world = await EnrolledAsync(ThreeSteps);
        await world.Scheduler.DispatchAsync(CancellationToken.None);
        var message = Assert.Single(world.Queue.Take());
        world.Email.Failure = new EmailSendException("timed out", null); // the host dies (or times out) between claim and record

        await Assert.ThrowsAsync<EmailSendException>(() =>
            world.NurtureSender.SendAsync(message, CancellationToken.None)
        );
        world.Email.Failure = null;
        var redelivered = await world.NurtureSender.SendAsync(message, CancellationToken.None);
        var again = await world.NurtureSender.SendAsync(message, CancellationToken.None);

        Assert.Equal([NurtureSendOutcome.Uncertain], redelivered);
        Assert.Equal([NurtureSendOutcome.Dropped], again);
        Assert.Empty(world.Email.Sent);
        var enrollment = world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!;
        Assert.Equal((StepState.Uncertain, "case-study"), (enrollment.Step("welcome")!.State, enrollment.NextStepId));
        Assert.Equal(1, world.Pipeline.Stats.Count("fair", CampaignMetric.Uncertain, "welcome"));
    }

    [Fact]
    public async Task HandedOnInHalves_TheEarlierDeliverysClaimIsUncertainInItsHalf_NothingSentTwice()
    {
        var world = await EnrolledAsync(ThreeSteps);
        await world.EnrollAsync(NurtureWorld.Lead("cem@acme.com"), ThreeSteps);
        await world.EnrollAsync(NurtureWorld.Lead("deniz@acme.com"), ThreeSteps);
        await world.Scheduler.DispatchAsync(CancellationToken.None);
        var message = Assert.Single(world.Queue.Take());
        var claimed = message.DueSends()[0].LeadId;
        world.Email.FailNext = new EmailSendException("timed out", null); // the first send's host dies between claim and record

        await Assert.ThrowsAsync<EmailSendException>(() =>
            world.NurtureSender.SendAsync(message, CancellationToken.None)
        );
        var (first, second) = message.Halves("h1", "h2");
        var (again, _) = message.Halves("h3", "h4"); // handed on twice (the first hand-on's host died before completing)
        var outcomes = (await world.NurtureSender.SendAsync(first, CancellationToken.None)).Concat(
            await world.NurtureSender.SendAsync(second, CancellationToken.None)
        );
        var duplicate = await world.NurtureSender.SendAsync(again, CancellationToken.None);

        Assert.Equal(
            (1, 2),
            (
                outcomes.Count(o => o == NurtureSendOutcome.Uncertain),
                outcomes.Count(o => o == NurtureSendOutcome.Dropped)
            )
        );
        Assert.All(duplicate, o => Assert.Equal(NurtureSendOutcome.Dropped, o));
        Assert.Equal(2, world.Email.Sent.Count);
        Assert.DoesNotContain(world.Email.Sent, m => m.CustomArgs[MailCustomArgs.LeadId] == claimed);
        Assert.Equal(StepState.Uncertain, world.EnrollmentOf(claimed, "fair")!.Step("welcome")!.State);
        Assert.Equal(["h1", "h2"], [first.DispatchId, second.DispatchId]);
        Assert.Equal([message.DispatchId], first.Earlier);
        Assert.Equal(
            message.DueSends().OrderBy(d => d.LeadId),
            first.DueSends().Concat(second.DueSends()).OrderBy(d => d.LeadId)
        );
    }

    [Fact]
    public async Task ClaimHeldByAnotherMessage_IsDropped_NotSent()
    {
        var world = await EnrolledAsync(ThreeSteps);
        await world.Scheduler.DispatchAsync(CancellationToken.None);
        var message = Assert.Single(world.Queue.Take());
        world.Email.Failure = new EmailSendException("timed out", null);
        await Assert.ThrowsAsync<EmailSendException>(() =>
            world.NurtureSender.SendAsync(message, CancellationToken.None)
        );
        world.Email.Failure = null;

        var duplicate = await world.NurtureSender.SendAsync(
            message with
            {
                DispatchId = "another",
            },
            CancellationToken.None
        );

        Assert.Equal([NurtureSendOutcome.Dropped], duplicate);
        Assert.Empty(world.Email.Sent);
    }

    [Fact]
    public async Task StaleEntries_AreDropped()
    {
        var world = await EnrolledAsync(ThreeSteps);
        var lead = LeadId.FromEmail(Ayse);
        var due = world.EnrollmentOf(lead, "fair")!.NextDueAt!.Value;
        var stale = NurtureSendBatch.Of(
            "d1",
            [
                new DueSend(lead, "fair", "welcome", due.AddMinutes(-5)), // moved since
                new DueSend(lead, "fair", "offer", due), // not the next step
                new DueSend(lead, "other", "welcome", due), // no enrollment
                new DueSend(LeadId.FromEmail("nobody@acme.com"), "fair", "welcome", due), // no lead
            ]
        );

        var outcomes = await world.NurtureSender.SendAsync(stale, CancellationToken.None);

        Assert.All(outcomes, o => Assert.Equal(NurtureSendOutcome.Dropped, o));
        Assert.Empty(world.Email.Sent);
    }

    [Fact]
    public async Task EditedLiveCampaign_RemovedStepSkipped_NewStepReached_NoStepTwice()
    {
        var world = await EnrolledAsync(ThreeSteps);
        await world.RunForAsync(TimeSpan.FromHours(1));

        // Live edit: "case-study" (next) removed, "webinar" added after "offer", "welcome" (sent) edited.
        world.Put(
            ThreeSteps with
            {
                Steps =
                [
                    ThreeSteps.Steps[0] with
                    {
                        Content = new StepContent("New welcome", "<p>new</p>", "new"),
                    },
                    ThreeSteps.Steps[2],
                    new CampaignStep
                    {
                        Id = "webinar",
                        Delay = TimeSpan.FromDays(1),
                        Content = new StepContent("Webinar", "<p>w</p>", "w"),
                    },
                ],
            }
        );
        await world.RunForAsync(TimeSpan.FromDays(10));

        Assert.Equal(["welcome", "offer", "webinar"], world.Email.Sent.Select(m => m.CustomArgs[MailCustomArgs.Step]));
        Assert.Equal(EnrollmentStatus.Completed, world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!.Status);
    }

    [Fact]
    public async Task EditedLiveCampaign_StepInsertedBeforeOneAlreadySent_NotSentToThoseAlreadyPast()
    {
        var world = await EnrolledAsync(ThreeSteps);
        await world.RunForAsync(TimeSpan.FromDays(3)); // welcome and case-study sent

        world.Put(
            ThreeSteps with
            {
                Steps =
                [
                    ThreeSteps.Steps[0],
                    new CampaignStep
                    {
                        Id = "survey",
                        Delay = TimeSpan.FromDays(1),
                        Content = new StepContent("Survey", "<p>s</p>", "s"),
                    },
                    .. ThreeSteps.Steps.Skip(1),
                ],
            }
        );
        await world.RunForAsync(TimeSpan.FromDays(10));

        Assert.Equal(
            ["welcome", "case-study", "offer"],
            world.Email.Sent.Select(m => m.CustomArgs[MailCustomArgs.Step])
        );
        Assert.Equal(EnrollmentStatus.Completed, world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!.Status);
    }

    [Fact]
    public async Task ArchivedCampaign_StopsTheEnrollment()
    {
        var world = await EnrolledAsync(ThreeSteps);
        world.Put(ThreeSteps with { Archived = true, Active = false });

        await world.RunForAsync(TimeSpan.FromHours(1));

        Assert.Empty(world.Email.Sent);
        Assert.Equal(EnrollmentStatus.Stopped, world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!.Status);
    }

    [Fact]
    public async Task Scheduler_QueuesDueSendsInMessagesOfAtMostSixteen_AndTakesThemOutOfTheIndex()
    {
        var world = new NurtureWorld();
        world.Put(ThreeSteps);
        for (var i = 0; i < 40; i++)
        {
            await world.EnrollAsync(NurtureWorld.Lead($"p{i}@acme.com"), ThreeSteps);
        }

        var queued = await world.Scheduler.DispatchAsync(CancellationToken.None);
        var again = await world.Scheduler.DispatchAsync(CancellationToken.None);

        Assert.Equal((40, 0), (queued, again));
        Assert.Equal([14, 13, 13], world.Queue.All.Select(b => b.DueSends().Count));
        Assert.Equal(3, world.Queue.All.Select(b => b.DispatchId).Distinct().Count());
    }
}
