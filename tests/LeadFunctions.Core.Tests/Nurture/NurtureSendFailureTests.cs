using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Nurture;

namespace LeadFunctions.Core.Tests.Nurture;

/// <summary>What becomes of a send that SendGrid refuses, that the host stops, or whose events overtake its record:
/// never stranded, never lost.</summary>
public sealed class NurtureSendFailureTests
{
    private const string Ayse = "ayse@acme.com.tr";
    private static readonly string AyseId = LeadId.FromEmail(Ayse);
    private static readonly Campaign ThreeSteps = NurtureWorld.Campaign(
        "fair",
        ("welcome", TimeSpan.Zero),
        ("case-study", TimeSpan.FromDays(2)),
        ("offer", TimeSpan.FromDays(3))
    );

    private static async Task<NurtureWorld> EnrolledAsync(params string[] emails)
    {
        var world = new NurtureWorld();
        world.Put(ThreeSteps);
        foreach (var email in emails.DefaultIfEmpty(Ayse))
        {
            await world.EnrollAsync(NurtureWorld.Lead(email), ThreeSteps);
        }

        return world;
    }

    private static IEnumerable<string> StepsSent(NurtureWorld world) =>
        world.Email.Sent.Select(m => m.CustomArgs[MailCustomArgs.Step]);

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    public async Task RefusedForGood_TheStepIsFailedWithTheReason_CountedAndOnTheTimeline_TheNextStepStillGoes(
        int status
    )
    {
        var world = await EnrolledAsync();
        world.Email.FailNext = new EmailSendException(
            $"SendGrid refused the email with {status}.",
            status,
            "The from address does not match a verified Sender Identity."
        );
        world.Pipeline.Time.Advance(TimeSpan.FromMinutes(1));

        var outcomes = await world.TickAsync();

        Assert.Equal([NurtureSendOutcome.Failed], outcomes);
        var enrollment = world.EnrollmentOf(AyseId, "fair")!;
        var welcome = enrollment.Step("welcome")!;
        Assert.Equal(StepState.Failed, welcome.State);
        Assert.Contains($"{status}", welcome.Note, StringComparison.Ordinal);
        Assert.Contains("verified Sender Identity", welcome.Note, StringComparison.Ordinal);
        Assert.Equal((EnrollmentStatus.Active, "case-study"), (enrollment.Status, enrollment.NextStepId));
        Assert.Equal(1, world.Pipeline.Stats.Count("fair", CampaignMetric.Failed, "welcome"));
        Assert.Contains(world.Pipeline.Store.Entries(AyseId), e =>
            e.Id == $"nurture|{welcome.SendId}" && e.Summary.Contains("refused", StringComparison.Ordinal)
        );
        // nothing went: no gap holds the person's other campaigns back
        Assert.Null(world.Pipeline.Store[AyseId]!.LastNurtureAt);

        await world.RunForAsync(TimeSpan.FromDays(6));
        Assert.Equal(["case-study", "offer"], StepsSent(world));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task UnavailableBeyondTheSendersRetries_TheStepStaysDue_ALaterRunSendsItOnce(int status)
    {
        var world = await EnrolledAsync();
        world.Email.FailNext = new EmailSendException($"SendGrid answered {status}.", status);
        world.Pipeline.Time.Advance(TimeSpan.FromMinutes(1));

        var outcomes = await world.TickAsync();

        Assert.Equal([NurtureSendOutcome.Rescheduled], outcomes);
        Assert.Null(world.EnrollmentOf(AyseId, "fair")!.Step("welcome"));
        Assert.Null(world.Pipeline.Store[AyseId]!.LastNurtureAt);
        await world.RunForAsync(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(1));
        Assert.Equal(["welcome"], StepsSent(world));
        Assert.Equal(StepState.Sent, world.EnrollmentOf(AyseId, "fair")!.Step("welcome")!.State);
    }

    [Fact]
    public async Task MaybeAccepted_TheClaimStays_TheRedeliveryCountsItUncertain_NeverSentAgain()
    {
        var world = await EnrolledAsync();
        var message = await world.ClaimedAndCutAsync();

        var redelivered = await world.NurtureSender.SendAsync(message, CancellationToken.None);

        Assert.Equal([NurtureSendOutcome.Uncertain], redelivered);
        Assert.Empty(world.Email.Sent);
    }

    [Fact]
    public async Task RivalCampaignsStepLongOverdue_DoesNotHoldALowerPriorityCampaignBack()
    {
        var high = NurtureWorld.Campaign("high", ("b", TimeSpan.Zero)) with { Priority = 5 };
        var low = NurtureWorld.Campaign("low", ("a", TimeSpan.Zero)) with { Priority = 1 };
        var world = new NurtureWorld();
        world.Put(high);
        world.Put(low);
        var lead = NurtureWorld.Lead(Ayse);

        // An enrollment of the higher-priority campaign due hours ago that nothing will send (its index entry lost).
        var stranded = new Enrollment
        {
            CampaignId = "high",
            EnrolledAt = world.Now.AddHours(-3),
            Reason = "manual",
            NextStepId = "b",
            NextDueAt = world.Now.AddHours(-3),
        };
        await world.Pipeline.Updater.UpdateAsync(
            lead.Id,
            s => Task.FromResult<LeadChange?>(LeadChange.Updated(lead, s.ETag) with { Enrollments = [stranded] }),
            CancellationToken.None
        );
        await world.EnrollAsync(lead, low);

        await world.RunForAsync(TimeSpan.FromHours(2), TimeSpan.FromMinutes(1));

        Assert.Equal(["low"], world.Email.Sent.Select(m => m.CustomArgs[MailCustomArgs.Campaign]));
    }

    [Fact]
    public async Task EventLandsBetweenSendGridsAnswerAndTheRecord_KeepsItsFlag_ARepeatCountsNothing()
    {
        var world = await EnrolledAsync();
        var recorder = world.Pipeline.Recorder;
        SendGridEvent Delivered(OutgoingEmail email, string eventId) =>
            new()
            {
                EventId = eventId,
                Type = "delivered",
                At = world.Now,
                Email = email.To,
                LeadId = email.CustomArgs[MailCustomArgs.LeadId],
                SendId = email.CustomArgs[MailCustomArgs.SendId],
                Campaign = email.CustomArgs[MailCustomArgs.Campaign],
                Step = email.CustomArgs[MailCustomArgs.Step],
                Kind = email.CustomArgs[MailCustomArgs.Kind],
            };
        world.Email.InFlight = email => recorder.RecordAsync(Delivered(email, "e1"), CancellationToken.None);

        await world.RunForAsync(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        world.Email.InFlight = null;
        await recorder.RecordAsync(Delivered(world.Email.Sent[0], "e2"), CancellationToken.None); // SendGrid's repeat

        var welcome = world.EnrollmentOf(AyseId, "fair")!.Step("welcome")!;
        Assert.Equal((StepState.Sent, true), (welcome.State, welcome.Delivered));
        Assert.Equal(1, world.Pipeline.Stats.Count("fair", CampaignMetric.Delivered, "welcome"));
    }

    [Fact]
    public async Task HostStopsWhileAnEmailIsInFlight_ItGoesAndIsRecorded_TheRestAreNotClaimed()
    {
        var world = await EnrolledAsync(Ayse, "cem@acme.com", "deniz@acme.com");
        await world.Scheduler.DispatchAsync(CancellationToken.None);
        var message = Assert.Single(world.Queue.Take());
        using var stopping = new CancellationTokenSource();
        world.Email.InFlight = _ =>
        {
            stopping.Cancel(); // the host is told to stop while SendGrid has the first request
            return Task.CompletedTask;
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            world.NurtureSender.SendAsync(message, stopping.Token)
        );

        var first = message.DueSends()[0].LeadId;
        Assert.Equal([first], world.Email.Sent.Select(m => m.CustomArgs[MailCustomArgs.LeadId]));
        Assert.Equal(StepState.Sent, world.EnrollmentOf(first, "fair")!.Step("welcome")!.State);
        Assert.All(message.DueSends().Skip(1), s => Assert.Null(world.EnrollmentOf(s.LeadId, "fair")!.Step("welcome")));

        // The message comes again (its function failed): the rest go, the first is not sent again.
        world.Email.InFlight = null;
        var redelivered = await world.NurtureSender.SendAsync(message, CancellationToken.None);
        Assert.Equal(3, world.Email.Sent.Count);
        Assert.Equal(
            (2, 1),
            (
                redelivered.Count(o => o == NurtureSendOutcome.Sent),
                redelivered.Count(o => o == NurtureSendOutcome.Dropped)
            )
        );
    }

    [Fact]
    public async Task HostStoppedBeforeTheRequest_TheClaimIsGivenBack_NotUncertain()
    {
        var world = await EnrolledAsync();
        await world.Scheduler.DispatchAsync(CancellationToken.None);
        var message = Assert.Single(world.Queue.Take());
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            world.NurtureSender.SendAsync(message, stopping.Token)
        );
        var redelivered = await world.NurtureSender.SendAsync(message, CancellationToken.None);

        Assert.Equal([NurtureSendOutcome.Sent], redelivered);
        Assert.Single(world.Email.Sent);
    }
}
