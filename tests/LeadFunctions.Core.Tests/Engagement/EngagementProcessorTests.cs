using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Tests.Engagement;

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
                pipeline
                    .Engagement.ProcessAsync(pipeline.Event("e1", EventTypes.DemoRequest), default)
                    .GetAwaiter()
                    .GetResult();
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
        Assert.Equal(
            UpdateOutcome.Unchanged,
            await pipeline.Engagement.ProcessAsync(pipeline.Event("e1", EventTypes.ContentDownload), default)
        );
        Assert.Equal(10, pipeline.Store[Id]!.Score.Engagement);
    }

    [Fact]
    public async Task ProcessAsync_AnEventTheModelDoesNotScore_IsRecordedOnceFromTheLeadRowAlone_ScoreUntouched()
    {
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default);
        await pipeline.Engagement.ProcessAsync(pipeline.Event("e1", EventTypes.ContentDownload), default);
        var before = pipeline.Store[Id]!;
        var (fullLoads, entries) = (pipeline.Store.FullLoads, pipeline.Store.Entries(Id).Count);
        pipeline.Time.Advance(TimeSpan.FromDays(30)); // a rescore now would halve the engagement

        var missed = pipeline.Event("m1", EventTypes.WebinarMissed);
        Assert.Equal(UpdateOutcome.Updated, await pipeline.Engagement.ProcessAsync(missed, default));
        Assert.Equal(UpdateOutcome.Duplicate, await pipeline.Engagement.ProcessAsync(missed, default));

        Assert.Equal(fullLoads, pipeline.Store.FullLoads);
        Assert.Single(pipeline.Store.Events(Id), e => e.EventId == "m1");
        Assert.Equal(entries, pipeline.Store.Entries(Id).Count);
        var lead = pipeline.Store[Id]!;
        Assert.Equal(before.Score, lead.Score);
        Assert.Equal(missed.OccurredAt, lead.LastEventAt[EventTypes.WebinarMissed]);
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
        var failingQueue = pipeline.NewUpdater(TimeProvider.System, new ThrowingHandoffQueue());
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new EngagementProcessor(failingQueue, pipeline.Models, pipeline.Time).ProcessAsync(mql, default)
        );
        Assert.NotNull(pipeline.Store[Id]!.PendingHandoff);

        // The redelivery changes nothing, but sends the handoff that was decided.
        await pipeline.Engagement.ProcessAsync(mql, default);
        Assert.Single(pipeline.Handoffs.Sent);
        Assert.Null(pipeline.Store[Id]!.PendingHandoff);
    }

    private sealed class ThrowingHandoffQueue : Sales.ISalesHandoffQueue
    {
        public Task EnqueueAsync(Sales.SalesHandoff handoff, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Host died.");
    }
}
