using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using static LeadFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace LeadFunctions.Core.Tests.Campaigns;

public class NurturePlannerTests
{
    private readonly Pipeline pipeline = new();

    private Enrollment? EnrollmentIn(string campaignId) =>
        pipeline.Store.Enrollments(Ayse).SingleOrDefault(e => e.CampaignId == campaignId);

    private async Task SubmitAsync(string id = "s1", string source = "web") =>
        await pipeline.Intake.ProcessAsync(Pipeline.Submission(id) with { Source = source }, default);

    [Fact]
    public async Task PlanAsync_FairImportLead_EnrolledByStageAndSourceWithTheFirstStepDue()
    {
        pipeline.Campaigns.Campaigns.Add(
            Campaign("fair-stage", new CampaignTrigger { StageEntered = [LifecycleStage.Lead] })
        );
        pipeline.Campaigns.Campaigns.Add(Campaign("fair-source", new CampaignTrigger { Sources = ["fair"] }));

        await SubmitAsync(source: "fair");

        var byStage = EnrollmentIn("fair-stage")!;
        Assert.Equal(
            ("stage:lead", "welcome", Pipeline.Start.AddHours(1)),
            (byStage.Reason, byStage.NextStepId, byStage.NextDueAt)
        );
        Assert.Equal("source:fair", EnrollmentIn("fair-source")!.Reason);
        Assert.Equal(
            [
                ("fair-source", "welcome", Pipeline.Start.AddHours(1)),
                ("fair-stage", "welcome", Pipeline.Start.AddHours(1)),
            ],
            pipeline.DueSends.Sends.Select(d => (d.CampaignId, d.StepId, d.DueAt)).Order()
        );
        Assert.Equal(1, pipeline.Stats.Count("fair-stage", CampaignMetric.Enrolled));
        Assert.Contains(pipeline.Store.Entries(Ayse), e =>
            e is { Kind: TimelineKind.Campaign, Id: "campaign|fair-stage|enrolled" }
        );
    }

    [Fact]
    public async Task PlanAsync_RegistrationEventBeforeItsLead_EnrollsWhenTheLeadIsCreated_WithTheWebinarsStart()
    {
        // The webhook queues the lead and its webinar_registered event apart: the event may be processed first.
        pipeline.Campaigns.Campaigns.Add(
            Campaign("webinar", new CampaignTrigger { Events = [EventTypes.WebinarRegistered] })
        );
        var startsAt = Pipeline.Start.AddDays(3);
        await pipeline.Engagement.ProcessAsync(
            pipeline.Event("r1", EventTypes.WebinarRegistered) with
            {
                Detail = new Dictionary<string, string>
                {
                    [EnrollmentDates.WebinarStartsAt] = EnrollmentDates.Write(startsAt),
                },
            },
            default
        );
        Assert.Null(EnrollmentIn("webinar"));

        await SubmitAsync();

        var enrollment = EnrollmentIn("webinar")!;
        Assert.Equal("event:webinar_registered", enrollment.Reason);
        Assert.Equal(startsAt, enrollment.Dates![EnrollmentDates.WebinarStartsAt]);
    }

    [Fact]
    public async Task PlanAsync_WebinarAttended_EnrollsTheLead()
    {
        pipeline.Campaigns.Campaigns.Add(
            Campaign("webinar", new CampaignTrigger { Events = [EventTypes.WebinarAttended] })
        );
        await SubmitAsync();
        Assert.Null(EnrollmentIn("webinar"));

        await pipeline.Engagement.ProcessAsync(pipeline.Event("w1", EventTypes.WebinarAttended), default);

        Assert.Equal("event:webinar_attended", EnrollmentIn("webinar")!.Reason);
    }

    [Fact]
    public async Task PlanAsync_AudienceMismatch_NotEnrolled()
    {
        pipeline.Campaigns.Campaigns.Add(
            Campaign(
                "by-source",
                new CampaignTrigger { StageEntered = [LifecycleStage.Lead] },
                new CampaignAudience { Sources = ["fair"] }
            )
        );
        pipeline.Campaigns.Campaigns.Add(
            Campaign(
                "by-score",
                new CampaignTrigger { StageEntered = [LifecycleStage.Lead] },
                new CampaignAudience { MinScore = 90 }
            )
        );
        pipeline.Campaigns.Campaigns.Add(
            Campaign(
                "by-stage",
                new CampaignTrigger { Sources = ["web"] },
                new CampaignAudience { Stages = [LifecycleStage.Customer] }
            )
        );

        await SubmitAsync(source: "web");

        Assert.Empty(pipeline.Store.Enrollments(Ayse));
        Assert.Empty(pipeline.DueSends.Sends);
        Assert.Empty(pipeline.Stats.Deltas);
    }

    [Fact]
    public async Task PlanAsync_HotAudience_EntersWhenADemoRequestMakesTheLeadHot()
    {
        pipeline.Campaigns.Campaigns.Add(
            Campaign(
                "hot-offer",
                new CampaignTrigger { Events = [EventTypes.WebinarAttended, EventTypes.DemoRequest] },
                new CampaignAudience { Temperatures = [Temperature.Hot] }
            )
        );
        await SubmitAsync();

        await pipeline.Engagement.ProcessAsync(pipeline.Event("w1", EventTypes.WebinarAttended), default);
        Assert.Null(EnrollmentIn("hot-offer"));

        await pipeline.Engagement.ProcessAsync(pipeline.Event("d1", EventTypes.DemoRequest), default);
        Assert.Equal("event:demo_request", EnrollmentIn("hot-offer")!.Reason);
    }

    [Fact]
    public async Task PlanAsync_RedeliveryAndSecondTrigger_EnrolledOncePerCampaign()
    {
        pipeline.Campaigns.Campaigns.Add(
            Campaign(
                "once",
                new CampaignTrigger
                {
                    StageEntered = [LifecycleStage.Lead, LifecycleStage.Mql],
                    Events = [EventTypes.WebinarAttended],
                }
            )
        );

        await SubmitAsync();
        await SubmitAsync(); // the same message again
        await pipeline.Engagement.ProcessAsync(pipeline.Event("w1", EventTypes.WebinarAttended), default);
        await MoveAsync(pipeline, LifecycleStage.Mql);

        Assert.Equal("stage:lead", Assert.Single(pipeline.Store.Enrollments(Ayse)).Reason);
        Assert.Single(pipeline.DueSends.Sends);
        Assert.Equal(1, pipeline.Stats.Count("once", CampaignMetric.Enrolled));
    }

    [Fact]
    public async Task PlanAsync_StopStageEntered_EnrollmentStoppedAndNotEnteredAgain()
    {
        pipeline.Campaigns.Campaigns.Add(
            Campaign(
                "nurture",
                new CampaignTrigger { StageEntered = [LifecycleStage.Lead] },
                stopWhen: new StopConditions { Stages = [LifecycleStage.Sql] }
            )
        );
        await SubmitAsync();

        await MoveAsync(pipeline, LifecycleStage.Sql);
        await MoveAsync(pipeline, LifecycleStage.Lead);

        var enrollment = EnrollmentIn("nurture")!;
        Assert.Equal(
            (EnrollmentStatus.Stopped, "stage:sql", (string?)null),
            (enrollment.Status, enrollment.StopReason, enrollment.NextStepId)
        );
        Assert.Contains(pipeline.Store.Entries(Ayse), e => e.Id == "campaign|nurture|stopped");
        Assert.Equal(1, pipeline.Stats.Count("nurture", CampaignMetric.Enrolled));
    }

    [Fact]
    public async Task PlanAsync_StopEvent_EnrollmentStopped()
    {
        pipeline.Campaigns.Campaigns.Add(
            Campaign(
                "nurture",
                new CampaignTrigger { Sources = ["web"] },
                stopWhen: new StopConditions { Events = [EventTypes.DemoRequest] }
            )
        );
        await SubmitAsync();
        await pipeline.Engagement.ProcessAsync(pipeline.Event("p1", EventTypes.PageView), default);
        Assert.Equal(EnrollmentStatus.Active, EnrollmentIn("nurture")!.Status);

        await pipeline.Engagement.ProcessAsync(pipeline.Event("d1", EventTypes.DemoRequest), default);

        Assert.Equal(
            (EnrollmentStatus.Stopped, "event:demo_request"),
            (EnrollmentIn("nurture")!.Status, EnrollmentIn("nurture")!.StopReason)
        );
    }

    [Fact]
    public async Task PlanAsync_SqlThenOpportunity_ConversionCountedOnceEvenOnAStoppedEnrollment()
    {
        pipeline.Campaigns.Campaigns.Add(
            Campaign(
                "nurture",
                new CampaignTrigger { Sources = ["web"] },
                stopWhen: new StopConditions { Stages = [LifecycleStage.Sql] }
            )
        );
        await SubmitAsync();

        await MoveAsync(pipeline, LifecycleStage.Sql);
        await MoveAsync(pipeline, LifecycleStage.Sql); // the same decision redelivered
        await MoveAsync(pipeline, LifecycleStage.Opportunity);

        Assert.True(EnrollmentIn("nurture")!.Converted);
        Assert.Equal(1, pipeline.Stats.Count("nurture", CampaignMetric.Converted));
    }

    [Fact]
    public async Task PlanAsync_CustomerAudience_CustomerEnrolledOnEnteringTheStage()
    {
        pipeline.Campaigns.Campaigns.Add(
            Campaign(
                "cross-sell",
                new CampaignTrigger { StageEntered = [LifecycleStage.Customer] },
                new CampaignAudience { Stages = [LifecycleStage.Customer] }
            )
        );
        await SubmitAsync();
        Assert.Null(EnrollmentIn("cross-sell"));

        await MoveAsync(pipeline, LifecycleStage.Customer);

        var enrollment = EnrollmentIn("cross-sell")!;
        Assert.Equal(("stage:customer", false), (enrollment.Reason, enrollment.Converted));
        Assert.Equal(0, pipeline.Stats.Count("cross-sell", CampaignMetric.Converted));
    }

    [Fact]
    public async Task PlanAsync_NoCampaigns_ChangeReturnedUntouched()
    {
        var planner = new NurturePlanner(pipeline.Campaigns, pipeline.Zones, pipeline.Time);
        var lead = new Lead
        {
            Id = Ayse,
            Email = "ayse@acme.com.tr",
            Source = "web",
            CreatedAt = Pipeline.Start,
            UpdatedAt = Pipeline.Start,
            LastSubmittedAt = Pipeline.Start,
        };
        var change = LeadChange.Engaged(lead, null, [], pipeline.Event("w1", EventTypes.WebinarAttended));

        var planned = await planner.PlanAsync(new LeadSnapshot(Ayse, null, null, []), change, default);

        Assert.Same(change, planned);
    }

    [Fact]
    public async Task PlanAsync_InactiveCampaign_EnrollsNobody()
    {
        pipeline.Campaigns.Campaigns.Add(
            Campaign("paused", new CampaignTrigger { Sources = ["web"] }) with
            {
                Active = false,
            }
        );

        await SubmitAsync();

        Assert.Empty(pipeline.Store.Enrollments(Ayse));
    }
}
