using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using static LeadFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace LeadFunctions.Core.Tests.Campaigns;

public class HandEnrollmentTests
{
    private readonly Pipeline pipeline = new();
    private readonly RecordingEnrollmentQueue queue = new();

    private HandEnrollment Enrollment =>
        new(
            pipeline.Campaigns,
            pipeline.Updater,
            new PagedLeadQuery(pipeline.Store),
            queue,
            pipeline.Zones,
            pipeline.Time
        );

    [Fact]
    public async Task RunAsync_Ids_KnownLeadsInTheAudienceEnrolledOnceOthersCounted()
    {
        pipeline.Campaigns.Campaigns.Add(Campaign("manual"));
        pipeline.Campaigns.Campaigns.Add(
            Campaign("customers", audience: new CampaignAudience { Stages = [LifecycleStage.Customer] })
        );
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default);
        var unknown = LeadId.FromEmail("nobody@example.com");

        var first = await Enrollment.RunAsync(new CampaignEnrollmentRequest("manual", [Ayse, unknown], null), default);
        var again = await Enrollment.RunAsync(new CampaignEnrollmentRequest("manual", [Ayse], null), default);
        var outside = await Enrollment.RunAsync(new CampaignEnrollmentRequest("customers", [Ayse], null), default);

        Assert.Equal(
            (
                new HandEnrollmentSummary(1, 0, 1),
                new HandEnrollmentSummary(0, 1, 0),
                new HandEnrollmentSummary(0, 1, 0)
            ),
            (first, again, outside)
        );
        var enrollment = Assert.Single(pipeline.Store.Enrollments(Ayse));
        Assert.Equal(
            ("manual", "manual", "welcome"),
            (enrollment.CampaignId, enrollment.Reason, enrollment.NextStepId)
        );
        Assert.Single(pipeline.DueSends.Sends);
    }

    [Fact]
    public async Task RunAsync_FilterPage_EnrollsItsLeadsAndQueuesTheRest()
    {
        pipeline.Campaigns.Campaigns.Add(Campaign("manual"));
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default);

        var summary = await Enrollment.RunAsync(
            new CampaignEnrollmentRequest("manual", null, new LeadFilter(LifecycleStage.Lead, null, null, null)),
            default
        );

        Assert.Equal(1, summary.Enrolled);
        Assert.Equal("page-2", Assert.Single(queue.Requests).ContinuationToken);
    }

    [Fact]
    public async Task RunAsync_ArchivedCampaign_EnrollsNobody()
    {
        pipeline.Campaigns.Campaigns.Add(Campaign("old") with { Archived = true });
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default);

        await Enrollment.RunAsync(new CampaignEnrollmentRequest("old", [Ayse], null), default);

        Assert.Empty(pipeline.Store.Enrollments(Ayse));
    }

    private sealed class RecordingEnrollmentQueue : ICampaignEnrollmentQueue
    {
        public List<CampaignEnrollmentRequest> Requests { get; } = [];

        public Task EnqueueAsync(CampaignEnrollmentRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.CompletedTask;
        }
    }

    /// <summary>The test lead on a first page that says another follows.</summary>
    private sealed class PagedLeadQuery(InMemoryLeadStore store) : ILeadQuery
    {
        public Task<LeadPage> ListAsync(
            LeadFilter filter,
            string? continuationToken,
            int pageSize,
            CancellationToken cancellationToken
        ) =>
            Task.FromResult(
                continuationToken is null ? new LeadPage([store[Ayse]!], "page-2") : new LeadPage([], null)
            );
    }
}
