using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Nurture;

namespace LeadFunctions.Core.Tests.Nurture;

/// <summary>A send whose sender died between the claim and SendGrid's answer, and SendGrid's events about it.</summary>
public sealed class UncertainSendTests
{
    private const string Ayse = "ayse@acme.com.tr";
    private static readonly string AyseId = LeadId.FromEmail(Ayse);
    private static readonly Campaign TwoSteps = NurtureWorld.Campaign(
        "fair",
        ("welcome", TimeSpan.Zero),
        ("case-study", TimeSpan.FromDays(2))
    );

    [Theory]
    [InlineData("processed")]
    [InlineData("delivered")]
    [InlineData("dropped")]
    [InlineData("bounce")]
    public async Task UncertainSend_SendGridsEventForIt_SettlesItAsSent_CountedOnce(string type)
    {
        var (world, message) = await ClaimedAndCutAsync();
        Assert.Equal([NurtureSendOutcome.Uncertain], await world.NurtureSender.SendAsync(message, default));

        await RecordAsync(world, Event(world, type, "ev-1"));
        await RecordAsync(world, Event(world, type, "ev-1")); // SendGrid's repeat
        await RecordAsync(world, Event(world, "processed", "ev-2"));

        var step = world.EnrollmentOf(AyseId, "fair")!.Step("welcome")!;
        Assert.Equal((StepState.Sent, At(world)), (step.State, step.SentAt));
        Assert.Equal((1, 0), Counts(world));
        Assert.Empty(world.Email.Sent);
    }

    [Fact]
    public async Task ClaimedSend_EventBeforeTheRedelivery_TheRedeliveryCountsItSent_NotUncertain_NeverAgain()
    {
        var (world, message) = await ClaimedAndCutAsync();

        await RecordAsync(world, Event(world, "processed", "ev-1"));
        var redelivered = await world.NurtureSender.SendAsync(message, default);

        Assert.Equal([NurtureSendOutcome.Sent], redelivered);
        var enrollment = world.EnrollmentOf(AyseId, "fair")!;
        Assert.Equal(StepState.Sent, enrollment.Step("welcome")!.State);
        Assert.Equal("case-study", enrollment.NextStepId);
        Assert.Equal((1, 0), Counts(world));
        Assert.Empty(world.Email.Sent);
    }

    [Fact]
    public async Task EventOfAnotherSend_OrAnOpen_SettlesNothing()
    {
        var (world, message) = await ClaimedAndCutAsync();
        await world.NurtureSender.SendAsync(message, default);

        await RecordAsync(world, Event(world, "processed", "ev-1") with { SendId = "someone-else" });
        await RecordAsync(world, Event(world, "open", "ev-2"));

        Assert.Equal(StepState.Uncertain, world.EnrollmentOf(AyseId, "fair")!.Step("welcome")!.State);
        Assert.Equal(1, world.Pipeline.Stats.Count("fair", CampaignMetric.Uncertain, "welcome"));
    }

    [Fact]
    public async Task ResendOn_NoEventWithinTheTime_SentOnceMore_ThenTheNextStep_CountedSentNotUncertain()
    {
        var (world, message) = await ClaimedAndCutAsync(ResendAfterAnHour);
        Assert.Equal([NurtureSendOutcome.Uncertain], await world.NurtureSender.SendAsync(message, default));
        var waiting = world.EnrollmentOf(AyseId, "fair")!;
        Assert.Equal(("welcome", world.Now.AddHours(1)), (waiting.NextStepId, waiting.NextDueAt));

        await world.RunForAsync(TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(1));
        Assert.Empty(world.Email.Sent);
        await world.RunForAsync(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1));

        Assert.Equal("welcome", Assert.Single(world.Email.Sent).CustomArgs[MailCustomArgs.Step]);
        var enrollment = world.EnrollmentOf(AyseId, "fair")!;
        Assert.Equal((StepState.Sent, "case-study"), (enrollment.Step("welcome")!.State, enrollment.NextStepId));
        Assert.Equal((1, 0), Counts(world));
    }

    [Fact]
    public async Task ResendOn_SendGridsEventComesWhileWaiting_NotSentAgain_ThenTheNextStep()
    {
        var (world, message) = await ClaimedAndCutAsync(ResendAfterAnHour);
        await world.NurtureSender.SendAsync(message, default);

        await RecordAsync(world, Event(world, "delivered", "ev-1"));
        await world.RunForAsync(TimeSpan.FromHours(2), TimeSpan.FromMinutes(5));

        Assert.Empty(world.Email.Sent);
        var enrollment = world.EnrollmentOf(AyseId, "fair")!;
        Assert.Equal((StepState.Sent, "case-study"), (enrollment.Step("welcome")!.State, enrollment.NextStepId));
        Assert.Equal(1, world.Pipeline.Stats.Count("fair", CampaignMetric.Sent, "welcome"));
    }

    [Fact]
    public async Task ResendOn_TheSecondTryDiesToo_UncertainForGood_CountedOnce_NeverAThirdTry()
    {
        var (world, message) = await ClaimedAndCutAsync(ResendAfterAnHour);
        await world.NurtureSender.SendAsync(message, default);
        world.Pipeline.Time.Advance(TimeSpan.FromHours(1));
        var again = await world.ClaimedAndCutAsync();

        Assert.Equal([NurtureSendOutcome.Uncertain], await world.NurtureSender.SendAsync(again, default));
        await world.RunForAsync(TimeSpan.FromHours(3), TimeSpan.FromMinutes(30));

        Assert.Empty(world.Email.Sent);
        var enrollment = world.EnrollmentOf(AyseId, "fair")!;
        Assert.Equal((StepState.Uncertain, "case-study"), (enrollment.Step("welcome")!.State, enrollment.NextStepId));
        Assert.Equal(1, world.Pipeline.Stats.Count("fair", CampaignMetric.Uncertain, "welcome"));
    }

    private static readonly NurtureRules ResendAfterAnHour = NurtureRules.Default with
    {
        ResendUnconfirmedAfter = TimeSpan.FromHours(1),
    };

    /// <summary>Ayşe enrolled, her welcome step claimed and its message failed with no answer from SendGrid.</summary>
    private static async Task<(NurtureWorld World, NurtureSendBatch Message)> ClaimedAndCutAsync(
        NurtureRules? rules = null
    )
    {
        var world = new NurtureWorld(rules);
        world.Put(TwoSteps);
        await world.EnrollAsync(NurtureWorld.Lead(Ayse), TwoSteps);
        return (world, await world.ClaimedAndCutAsync());
    }

    /// <summary>The welcome step's sent and uncertain counts.</summary>
    private static (long Sent, long Uncertain) Counts(NurtureWorld world) =>
        (
            world.Pipeline.Stats.Count("fair", CampaignMetric.Sent, "welcome"),
            world.Pipeline.Stats.Count("fair", CampaignMetric.Uncertain, "welcome")
        );

    /// <summary>SendGrid's event of <paramref name="type"/> for the welcome step's send, a second ago.</summary>
    private static SendGridEvent Event(NurtureWorld world, string type, string id) =>
        new()
        {
            EventId = id,
            Type = type,
            At = At(world),
            Email = Ayse,
            LeadId = AyseId,
            SendId = world.EnrollmentOf(AyseId, "fair")!.Step("welcome")!.SendId,
            Campaign = "fair",
            Step = "welcome",
            Kind = MailCustomArgs.NurtureKind,
        };

    private static DateTimeOffset At(NurtureWorld world) => world.Now.AddSeconds(-1);

    private static Task RecordAsync(NurtureWorld world, SendGridEvent sendGridEvent) =>
        world.Pipeline.Recorder.RecordAsync(sendGridEvent, default);
}
