using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Tests;

public class EngagementProcessorTests
{
    private readonly Pipeline pipeline = new();
    private static readonly string Id = LeadId.FromEmail("ayse@acme.com.tr");

    [Fact]
    public async Task ProcessAsync_EventBeforeThePersonIsALead_CountsOnceTheyBecomeOne()
    {
        await pipeline.Engagement.ProcessAsync(pipeline.Event("e1", EventTypes.DemoRequest), default);
        Assert.Null(pipeline.Store[Id]);

        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default);
        Assert.Equal(40, pipeline.Store[Id]!.Score.Engagement);
    }

    [Fact]
    public async Task ProcessAsync_EventKeptWhileTheLeadIsBeingCreated_Counts()
    {
        // A webinar registration queues the submission and webinar_registered together; two listeners run them at once.
        var interleaved = false;
        pipeline.Store.BeforeSave = _ =>
        {
            if (!interleaved)
            {
                interleaved = true;
                pipeline.Engagement.ProcessAsync(pipeline.Event("e1", EventTypes.DemoRequest), default).GetAwaiter().GetResult();
            }
        };

        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default); // read before the event, written after it
        Assert.Equal(40, pipeline.Store[Id]!.Score.Engagement);
    }

    [Fact]
    public async Task ProcessAsync_LeadCreatedWhileAnEventIsBeingKept_Counts()
    {
        var interleaved = false;
        pipeline.Store.BeforeSave = _ =>
        {
            if (!interleaved)
            {
                interleaved = true;
                pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default).GetAwaiter().GetResult();
            }
        };

        await pipeline.Engagement.ProcessAsync(pipeline.Event("e1", EventTypes.DemoRequest), default); // read before the lead, written after it
        Assert.Equal(40, pipeline.Store[Id]!.Score.Engagement);
    }

    [Fact]
    public async Task ProcessAsync_SameEventTwice_CountsOnce()
    {
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default);
        await pipeline.Engagement.ProcessAsync(pipeline.Event("e1", EventTypes.ContentDownload), default);
        Assert.Equal(UpdateOutcome.Unchanged, await pipeline.Engagement.ProcessAsync(pipeline.Event("e1", EventTypes.ContentDownload), default));
        Assert.Equal(10, pipeline.Store[Id]!.Score.Engagement);
    }

    [Fact]
    public async Task ProcessAsync_CrossingTheMqlThreshold_HandsOffExactlyOnce()
    {
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1", jobTitle: "CEO"), default); // fit 35
        await pipeline.Engagement.ProcessAsync(pipeline.Event("e1", EventTypes.DemoRequest), default); // +40 → 75 ≥ 60
        await pipeline.Engagement.ProcessAsync(pipeline.Event("e2", EventTypes.ContentDownload), default);
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s2", company: "Acme"), default);

        var lead = pipeline.Store[Id]!;
        Assert.Equal(LifecycleStage.Mql, lead.Stage);
        Assert.Null(lead.PendingHandoff);
        var handoff = Assert.Single(pipeline.Handoffs.Sent);
        Assert.Equal(Id, handoff.LeadId);
        Assert.Equal(75, handoff.TotalScore);
        Assert.Single(pipeline.Store.Entries(Id), e => e.Kind == TimelineKind.Stage);
    }

    [Fact]
    public async Task ProcessAsync_RedeliveredAfterHandoffWasNotSent_SendsIt()
    {
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1", jobTitle: "CEO"), default);
        var mql = pipeline.Event("e1", EventTypes.DemoRequest);

        // The first delivery stores the MQL move, then the host dies before the handoff is sent.
        var failingQueue = new Processing.LeadUpdater(pipeline.Store, new ThrowingHandoffQueue(), TimeProvider.System);
        await Assert.ThrowsAsync<InvalidOperationException>(() => new EngagementProcessor(failingQueue, pipeline.Models, pipeline.Time).ProcessAsync(mql, default));
        Assert.NotNull(pipeline.Store[Id]!.PendingHandoff);

        // The redelivery changes nothing, but sends the handoff that was decided.
        await pipeline.Engagement.ProcessAsync(mql, default);
        Assert.Single(pipeline.Handoffs.Sent);
        Assert.Null(pipeline.Store[Id]!.PendingHandoff);
    }

    private sealed class ThrowingHandoffQueue : Sales.ISalesHandoffQueue
    {
        public Task EnqueueAsync(Sales.SalesHandoff handoff, CancellationToken cancellationToken) => throw new InvalidOperationException("Host died.");
    }
}

public class LeadRescorerTests
{
    [Fact]
    public async Task RescoreAllAsync_AfterAMonth_EngagementHasHalvedAndRerunWritesNothing()
    {
        var pipeline = new Pipeline();
        var id = LeadId.FromEmail("ayse@acme.com.tr");
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default);
        await pipeline.Engagement.ProcessAsync(pipeline.Event("e1", EventTypes.DemoRequest), default);
        Assert.Equal(40, pipeline.Store[id]!.Score.Engagement);

        pipeline.Time.Advance(TimeSpan.FromDays(30));
        var rescorer = new Scoring.LeadRescorer(pipeline.Store, pipeline.Updater, pipeline.Models, pipeline.Time);
        Assert.Equal(new Scoring.RescoreSummary(1, 1), await rescorer.RescoreAllAsync(default));
        Assert.Equal(20, pipeline.Store[id]!.Score.Engagement);
        Assert.DoesNotContain(pipeline.Store.Entries(id), e => e.Id.StartsWith("score|rescore-", StringComparison.Ordinal));
        Assert.Equal(new Scoring.RescoreSummary(1, 0), await rescorer.RescoreAllAsync(default));
    }

    [Fact]
    public async Task RescoreAllAsync_ALowerThresholdMovingTwoLeads_HandsEachOffUnderItsOwnId()
    {
        var pipeline = new Pipeline();
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1", jobTitle: "CEO"), default);
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s2", email: "mehmet@acme.com.tr", jobTitle: "CEO"), default);
        Assert.Empty(pipeline.Handoffs.Sent);

        await pipeline.Models.SaveAsync(Scoring.DefaultScoringModel.Create() with { MqlThreshold = 1 }, default);
        var rescorer = new Scoring.LeadRescorer(pipeline.Store, pipeline.Updater, pipeline.Models, pipeline.Time);
        await rescorer.RescoreAllAsync(default);

        Assert.Equal(2, pipeline.Handoffs.Sent.Select(h => h.HandoffId).Distinct().Count());
    }

    [Fact]
    public async Task RescoreAllAsync_OneLeadThatCannotBeWritten_IsCountedAndTheOthersGoOn()
    {
        var pipeline = new Pipeline();
        foreach (var email in new[] { "ayse@acme.com.tr", "mehmet@acme.com.tr", "zeynep@acme.com.tr" })
        {
            await pipeline.Intake.ProcessAsync(Pipeline.Submission($"s-{email}", email: email), default);
            await pipeline.Engagement.ProcessAsync(pipeline.Event($"e-{email}", EventTypes.DemoRequest, email), default);
        }

        pipeline.Time.Advance(TimeSpan.FromDays(30));
        var saves = 0;
        pipeline.Store.BeforeSave = _ =>
        {
            if (Interlocked.Increment(ref saves) == 1)
            {
                throw new InvalidOperationException("Storage answered 500.");
            }
        };
        var rescorer = new Scoring.LeadRescorer(pipeline.Store, pipeline.Updater, pipeline.Models, pipeline.Time);

        var summary = await rescorer.RescoreAllAsync(default);
        Assert.Equal((3, 2, 1), (summary.Scanned, summary.Changed, summary.Failed));
        Assert.IsType<InvalidOperationException>(summary.FirstFailure);
    }

    [Fact]
    public async Task RescoreAllAsync_AModelThatChangesTheGrade_ExplainsItOnTheTimeline()
    {
        var pipeline = new Pipeline();
        var id = LeadId.FromEmail("ayse@acme.com.tr");
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1", jobTitle: "IT Manager"), default);
        var before = pipeline.Store[id]!;

        var model = Scoring.DefaultScoringModel.Create();
        await pipeline.Models.SaveAsync(model with { Grades = new Scoring.GradeThresholds(A: 1, B: 1, C: 1) }, default);
        var rescorer = new Scoring.LeadRescorer(pipeline.Store, pipeline.Updater, pipeline.Models, pipeline.Time);

        Assert.Equal(new Scoring.RescoreSummary(1, 1), await rescorer.RescoreAllAsync(default));
        Assert.NotEqual(before.Grade, pipeline.Store[id]!.Grade);
        Assert.Contains(pipeline.Store.Entries(id), e => e.Id.StartsWith("score|rescore-", StringComparison.Ordinal) && e.Summary.Contains("grade A", StringComparison.Ordinal));
    }
}
