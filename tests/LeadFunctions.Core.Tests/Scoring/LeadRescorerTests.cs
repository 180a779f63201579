using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Scoring;

namespace LeadFunctions.Core.Tests.Scoring;

public class LeadRescorerTests
{
    [Fact]
    public async Task RescorePass_AfterAMonth_EngagementHasHalvedAndRerunWritesNothing()
    {
        var pipeline = new Pipeline();
        var id = LeadId.FromEmail("ayse@acme.com.tr");
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default);
        await pipeline.Engagement.ProcessAsync(pipeline.Event("e1", EventTypes.DemoRequest), default);
        Assert.Equal(40, pipeline.Store[id]!.Score.Engagement);

        pipeline.Time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(new RescoreSummary(1, 1), await RescorePassAsync(pipeline));
        Assert.Equal(20, pipeline.Store[id]!.Score.Engagement);
        Assert.DoesNotContain(pipeline.Store.Entries(id), e =>
            e.Id.StartsWith("score|rescore-", StringComparison.Ordinal)
        );
        Assert.Equal(new RescoreSummary(1, 0), await RescorePassAsync(pipeline));
    }

    [Fact]
    public async Task RescorePass_ALowerThresholdMovingTwoLeads_HandsEachOffUnderItsOwnId()
    {
        var pipeline = new Pipeline();
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1", jobTitle: "CEO"), default);
        await pipeline.Intake.ProcessAsync(
            Pipeline.Submission("s2", email: "mehmet@acme.com.tr", jobTitle: "CEO"),
            default
        );
        Assert.Empty(pipeline.Handoffs.Sent);

        await pipeline.Models.SaveAsync(DefaultScoringModel.Create() with { MqlThreshold = 1 }, default);
        await RescorePassAsync(pipeline);

        Assert.Equal(2, pipeline.Handoffs.Sent.Select(h => h.HandoffId).Distinct().Count());
    }

    [Fact]
    public async Task RescorePass_OneLeadThatCannotBeWritten_IsCountedAndTheOthersGoOn()
    {
        var pipeline = new Pipeline();
        foreach (var email in new[] { "ayse@acme.com.tr", "mehmet@acme.com.tr", "zeynep@acme.com.tr" })
        {
            await pipeline.Intake.ProcessAsync(Pipeline.Submission($"s-{email}", email: email), default);
            await pipeline.Engagement.ProcessAsync(
                pipeline.Event($"e-{email}", EventTypes.DemoRequest, email),
                default
            );
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

        var summary = await RescorePassAsync(pipeline);
        Assert.Equal((3, 2, 1), (summary.Scanned, summary.Changed, summary.Failed));
        Assert.IsType<InvalidOperationException>(summary.FirstFailure);
    }

    [Fact]
    public async Task RescorePass_AModelThatChangesTheGrade_ExplainsItOnTheTimeline()
    {
        var pipeline = new Pipeline();
        var id = LeadId.FromEmail("ayse@acme.com.tr");
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1", jobTitle: "IT Manager"), default);
        var before = pipeline.Store[id]!;

        var model = DefaultScoringModel.Create();
        await pipeline.Models.SaveAsync(model with { Grades = new GradeThresholds(A: 1, B: 1, C: 1) }, default);

        Assert.Equal(new RescoreSummary(1, 1), await RescorePassAsync(pipeline));
        Assert.NotEqual(before.Grade, pipeline.Store[id]!.Grade);
        Assert.Contains(pipeline.Store.Entries(id), e =>
            e.Id.StartsWith("score|rescore-", StringComparison.Ordinal)
            && e.Summary.Contains("grade A", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Plan_EveryLeadIdFallsInExactlyOnePart_AllOfOnePass()
    {
        var parts = RescorePart.Plan(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));
        Assert.All(parts, p => Assert.Equal("rescore-20261126", p.Cause));
        for (var i = 0; i < 2000; i++)
        {
            var id = LeadId.FromEmail($"person{i}@acme.com");
            Assert.Single(parts, p => p.Range.Contains(id));
        }

        Assert.DoesNotContain(parts, p => p.Range.Contains("g") || p.Range.Contains(string.Empty));
    }

    [Fact]
    public async Task RescoreAsync_OnePart_RescoresItsLeadsAndNoOthers()
    {
        var pipeline = new Pipeline();
        var emails = Enumerable.Range(0, 40).Select(i => $"person{i}@acme.com.tr").ToList();
        foreach (var email in emails)
        {
            await pipeline.Intake.ProcessAsync(Pipeline.Submission($"s-{email}", email: email), default);
            await pipeline.Engagement.ProcessAsync(
                pipeline.Event($"e-{email}", EventTypes.DemoRequest, email),
                default
            );
        }

        pipeline.Time.Advance(TimeSpan.FromDays(30));
        var part = RescorePart
            .Plan(pipeline.Time.GetUtcNow())
            .Single(p => p.Range.Contains(LeadId.FromEmail(emails[0])));
        var inPart = emails.Select(LeadId.FromEmail).Where(part.Range.Contains).ToList();
        Assert.InRange(inPart.Count, 1, emails.Count - 1);

        var summary = await Rescorer(pipeline).RescoreAsync(part, default);
        Assert.Equal(new RescoreSummary(inPart.Count, inPart.Count), summary);
        Assert.All(emails.Select(LeadId.FromEmail), id =>
            Assert.Equal(inPart.Contains(id) ? 20 : 40, pipeline.Store[id]!.Score.Engagement)
        );
    }

    private static LeadRescorer Rescorer(Pipeline pipeline) =>
        new(pipeline.Store, pipeline.Updater, pipeline.Models, pipeline.Time);

    /// <summary>Every part of a pass beginning now, one after the other (the queue's order does not matter),
    /// summed.</summary>
    private static async Task<RescoreSummary> RescorePassAsync(Pipeline pipeline)
    {
        var (scanned, changed, failed, first) = (0, 0, 0, (Exception?)null);
        foreach (var part in RescorePart.Plan(pipeline.Time.GetUtcNow()))
        {
            var summary = await Rescorer(pipeline).RescoreAsync(part, default);
            (scanned, changed, failed, first) = (
                scanned + summary.Scanned,
                changed + summary.Changed,
                failed + summary.Failed,
                first ?? summary.FirstFailure
            );
        }

        return new RescoreSummary(scanned, changed, failed, first);
    }
}
