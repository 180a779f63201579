using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Nurture;

namespace LeadFunctions.Core.Tests.Nurture;

public class CampaignPauseTests
{
    private const string Ayse = "ayse@acme.com.tr";
    private static readonly Campaign ThreeSteps = NurtureWorld.Campaign(
        "fair",
        ("welcome", TimeSpan.Zero),
        ("case-study", TimeSpan.FromDays(2)),
        ("offer", TimeSpan.FromDays(3))
    );

    private static async Task<NurtureWorld> PausedWithADueSendAsync()
    {
        var world = new NurtureWorld();
        world.Put(ThreeSteps with { Active = false });
        await world.EnrollAsync(NurtureWorld.Lead(Ayse), ThreeSteps);
        return world;
    }

    [Fact]
    public async Task DispatchAsync_PausedCampaign_HoldsTheDueSendWithoutRewritingTheLead()
    {
        var world = await PausedWithADueSendAsync();
        var saves = world.Pipeline.Store.Saves;
        var due = world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!.NextDueAt;

        await world.RunForAsync(TimeSpan.FromHours(5));

        Assert.Empty(world.Email.Sent);
        Assert.Equal(saves, world.Pipeline.Store.Saves);
        Assert.Equal(due, world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!.NextDueAt);
    }

    [Fact]
    public async Task SendAsync_CampaignPausedAfterTheTimerQueuedIt_HeldWithoutALeadWrite()
    {
        var world = new NurtureWorld();
        world.Put(ThreeSteps);
        await world.EnrollAsync(NurtureWorld.Lead(Ayse), ThreeSteps);
        world.Pipeline.Time.Advance(TimeSpan.FromMinutes(1));
        await world.Scheduler.DispatchAsync(CancellationToken.None);
        world.Put(ThreeSteps with { Active = false });
        var saves = world.Pipeline.Store.Saves;

        foreach (var batch in world.Queue.Take())
        {
            await world.NurtureSender.SendAsync(batch, CancellationToken.None);
        }

        Assert.Empty(world.Email.Sent);
        Assert.Equal(saves, world.Pipeline.Store.Saves);
        Assert.Equal(ThreeSteps.Steps[0].Id, world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!.NextStepId);
    }

    [Fact]
    public async Task ResumeAsync_SendMissed_TheHeldStepGoesOutUnderTheUsualRules_NothingLeftHeld()
    {
        var world = await PausedWithADueSendAsync();
        await world.RunForAsync(TimeSpan.FromHours(5));

        var resumed = await world.Switch.ResumeAsync("fair", MissedSends.Send, CancellationToken.None);
        await world.ReleaseAsync();
        await world.RunForAsync(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1));

        Assert.Equal(CampaignSwitchOutcome.Done, resumed.Outcome);
        Assert.Equal(["welcome"], world.SentTo(Ayse).Select(m => m.CustomArgs[MailCustomArgs.Step]));
        Assert.Empty(world.Pipeline.DueSends.Held);
        Assert.Equal("case-study", world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!.NextStepId);
        Assert.Contains(world.ResumeQueue.All, q => q.Request.Final && q.Delay == HeldSendRelease.FinalLookAfter);
    }

    [Fact]
    public async Task ResumeAsync_SkipMissed_TheHeldStepIsRecordedSkipped_NotSent_TheNextStepScheduled()
    {
        var world = await PausedWithADueSendAsync();
        await world.RunForAsync(TimeSpan.FromHours(5));

        await world.Switch.ResumeAsync("fair", MissedSends.Skip, CancellationToken.None);
        await world.ReleaseAsync();
        await world.RunForAsync(TimeSpan.FromHours(1));

        var enrollment = world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!;
        Assert.Empty(world.Email.Sent);
        Assert.Equal(
            (StepState.Skipped, HeldSendRelease.MissedNote),
            (enrollment.Step("welcome")!.State, enrollment.Step("welcome")!.Note)
        );
        Assert.Equal(("case-study", Pipeline.Start.AddDays(2)), (enrollment.NextStepId, enrollment.NextDueAt));
        Assert.Contains(world.Pipeline.DueSends.Sends, s => s.StepId == "case-study");
        Assert.Equal(0, world.Pipeline.Stats.Count("fair", CampaignMetric.Sent));
        Assert.Empty(world.Pipeline.DueSends.Held);
    }

    [Fact]
    public async Task RunAsync_CampaignPausedAgainBeforeTheReleaseRan_KeepsItsSendsHeld()
    {
        var world = await PausedWithADueSendAsync();
        await world.RunForAsync(TimeSpan.FromHours(1));

        await world.Switch.ResumeAsync("fair", MissedSends.Send, CancellationToken.None);
        await world.Switch.PauseAsync("fair", CancellationToken.None);
        await world.ReleaseAsync();

        Assert.Single(world.Pipeline.DueSends.Held);
    }

    [Fact]
    public async Task ResumeAsync_UnknownOrArchivedCampaign_QueuesNothing()
    {
        var world = new NurtureWorld();
        world.Put(ThreeSteps with { Archived = true, Active = false });

        var unknown = await world.Switch.ResumeAsync("nope", MissedSends.Send, CancellationToken.None);
        var archived = await world.Switch.ResumeAsync("fair", MissedSends.Send, CancellationToken.None);

        Assert.Equal(
            (CampaignSwitchOutcome.NotFound, CampaignSwitchOutcome.Archived),
            (unknown.Outcome, archived.Outcome)
        );
        Assert.Empty(world.ResumeQueue.All);
    }

    [Fact]
    public async Task SaveAsync_PausedCampaignWithHeldSendsSwitchedOnWithoutAChoice_Refused_WithAChoice_Resumed()
    {
        var world = await PausedWithADueSendAsync();
        await world.RunForAsync(TimeSpan.FromHours(1));

        var unsaid = await world.Editor.SaveAsync(
            ThreeSteps,
            confirmRenamedSteps: false,
            missed: null,
            CancellationToken.None
        );
        var said = await world.Editor.SaveAsync(
            ThreeSteps,
            confirmRenamedSteps: false,
            MissedSends.Skip,
            CancellationToken.None
        );

        Assert.Equal(
            (CampaignSaveOutcome.MissedSendsUnsaid, CampaignSaveOutcome.Replaced),
            (unsaid.Outcome, said.Outcome)
        );
        Assert.Equal([MissedSends.Skip], world.ResumeQueue.All.Select(q => q.Request.Missed));
    }

    [Fact]
    public async Task ArchiveAsync_PausedCampaignWithHeldSends_TheirEnrollmentsStop_NothingLeftHeld()
    {
        var world = await PausedWithADueSendAsync();
        await world.RunForAsync(TimeSpan.FromHours(1));

        var archived = await world.Switch.ArchiveAsync("fair", CancellationToken.None);
        await world.ReleaseAsync();
        await world.RunForAsync(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1));

        Assert.Equal(CampaignSwitchOutcome.Done, archived.Outcome);
        Assert.Empty(world.Email.Sent);
        Assert.Empty(world.Pipeline.DueSends.Held);
        Assert.Equal(
            (EnrollmentStatus.Stopped, "the campaign was archived"),
            (
                world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!.Status,
                world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair")!.StopReason
            )
        );
    }
}
