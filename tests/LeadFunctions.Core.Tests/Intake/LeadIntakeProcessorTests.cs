using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Tests.Randomness;
using Microsoft.Extensions.Time.Testing;

namespace LeadFunctions.Core.Tests.Intake;

public class LeadIntakeProcessorTests
{
    private readonly Pipeline pipeline = new();
    private static readonly string Id = LeadId.FromEmail("ayse@acme.com.tr");

    [Fact]
    public async Task ProcessAsync_SameSubmissionTwice_OneLeadOneSave()
    {
        Assert.Equal(UpdateOutcome.Created, await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default));
        Assert.Equal(UpdateOutcome.Duplicate, await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default));
        Assert.Equal(1, pipeline.Store.Saves);
    }

    /// <summary>A webinar registration comes as one message: the registrant and their webinar_registered, written
    /// together, the event once however often the message comes, and scored as engagement.</summary>
    [Fact]
    public async Task ProcessAsync_SubmissionWithItsEngagement_BothInOneWrite_TheEventOnceOnARedelivery()
    {
        var registered = pipeline.Event("reg-1", EventTypes.WebinarRegistered);
        var submission = Pipeline.Submission("s1") with { Engagement = registered };

        Assert.Equal(UpdateOutcome.Created, await pipeline.Intake.ProcessAsync(submission, default));
        Assert.Equal(1, pipeline.Store.Saves);
        Assert.Equal(["reg-1"], pipeline.Store.Events(Id).Select(e => e.EventId));
        Assert.True(pipeline.Store[Id]!.Score.Engagement > 0);

        Assert.Equal(UpdateOutcome.Duplicate, await pipeline.Intake.ProcessAsync(submission, default));
        Assert.Equal(
            UpdateOutcome.Updated,
            await pipeline.Intake.ProcessAsync(submission with { SubmissionId = "s2" }, default)
        );
        Assert.Equal(["reg-1"], pipeline.Store.Events(Id).Select(e => e.EventId));
    }

    [Fact]
    public async Task ProcessAsync_SecondSubmission_MergesIntoSameLead()
    {
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default);
        Assert.Equal(
            UpdateOutcome.Updated,
            await pipeline.Intake.ProcessAsync(Pipeline.Submission("s2", company: "Acme"), default)
        );
        Assert.Equal("Acme", pipeline.Store[Id]?.Company);
        Assert.Equal(2, pipeline.Store.Entries(Id).Count(e => e.Kind == TimelineKind.Submission));
    }

    [Fact]
    public async Task ProcessAsync_NewLead_IsEnrichedScoredAndExplained()
    {
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1", jobTitle: "Genel Müdür"), default);
        var lead = pipeline.Store[Id]!;
        Assert.Equal("acme.com.tr", lead.Enrichment?.CompanyDomain);
        Assert.Equal(35, lead.Score.Fit); // job title +25, business email +10
        Assert.Equal("B", lead.Grade);
        var explanation = Assert.Single(pipeline.Store.Entries(Id), e => e.Kind == TimelineKind.Score);
        Assert.Contains("jobTitle +25", explanation.Summary, StringComparison.Ordinal);
        Assert.Contains("businessEmail +10", explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_LeadChangedMeanwhile_RereadsAndSaves()
    {
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default);
        var conflicts = 2;
        pipeline.Store.BeforeSave = s =>
        {
            if (conflicts-- > 0)
            {
                s.Touch(Id);
            }
        };

        Assert.Equal(
            UpdateOutcome.Updated,
            await pipeline.Intake.ProcessAsync(Pipeline.Submission("s2", company: "Acme"), default)
        );
        Assert.Equal("Acme", pipeline.Store[Id]?.Company);
    }

    [Fact]
    public async Task UpdateAsync_AfterAConflict_WaitsABackoffBeforeTheNextTry()
    {
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default);
        var clock = new FakeTimeProvider(Pipeline.Start);
        var updater = pipeline.NewUpdater(clock, random: new FixedRandom(0.6)); // waits 0.5 + 0.6 / 2 of 5 ms
        var tries = 0;
        var update = updater.UpdateAsync(
            Id,
            s =>
            {
                if (++tries == 1)
                {
                    pipeline.Store.Touch(Id); // another writer got there first
                }

                return Task.FromResult<LeadChange?>(LeadChange.Updated(s.Lead! with { Company = "Acme" }, s.ETag));
            },
            default
        );

        await Task.Delay(50);
        Assert.Equal(1, tries);
        clock.Advance(LeadUpdater.FirstBackoff * 0.6);
        await Task.Delay(50);
        Assert.Equal(1, tries);
        clock.Advance(LeadUpdater.FirstBackoff * 0.2);
        Assert.Equal(UpdateOutcome.Updated, await update);
        Assert.Equal(2, tries);
    }

    [Fact]
    public async Task ProcessAsync_LeadKeepsChanging_GivesUpSoTheMessageIsRetried()
    {
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default);
        pipeline.Store.BeforeSave = s => s.Touch(Id);
        await Assert.ThrowsAsync<ConcurrencyException>(() =>
            pipeline.Intake.ProcessAsync(Pipeline.Submission("s2"), default)
        );
    }
}
