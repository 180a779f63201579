using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Workspace;

namespace LeadFunctions.Core.Tests.Workspace;

public sealed class CampaignResultsPageTests
{
    [Theory]
    [InlineData("en", "Branches taken: then 4, else 0, timed out 1. On webinar_missed: 3.")]
    [InlineData("tr", "Seçilen yollar: evet 4, hayır 0, süre doldu 1. webinar_missed gelince: 3.")]
    public void AWaitsBranches_EachByItsName_ItsOwnPerEventToo(string language, string expected)
    {
        var wait = new CampaignStep
        {
            Id = "after",
            Wait = new StepWait(
                new WaitUntil { Events = [EventTypes.WebinarAttended, EventTypes.WebinarMissed] },
                TimeSpan.FromDays(2),
                "end",
                "end"
            )
            {
                On = new Dictionary<string, string> { [EventTypes.WebinarMissed] = "end" },
            },
        };
        var campaign = new Campaign
        {
            Id = "webinar",
            Name = "Webinar",
            Steps = [wait],
        };
        var stats = new CampaignStats(
            "webinar",
            new Dictionary<CampaignMetric, long>(),
            new Dictionary<string, IReadOnlyDictionary<CampaignMetric, long>>
            {
                ["after"] = new Dictionary<CampaignMetric, long>
                {
                    [CampaignMetric.Then] = 4,
                    [CampaignMetric.TimedOut] = 1,
                    [CampaignMetric.On] = 3,
                },
            },
            new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<CampaignMetric, long>>>()
        )
        {
            OnBranches = new Dictionary<string, IReadOnlyDictionary<string, long>>
            {
                ["after"] = new Dictionary<string, long> { [EventTypes.WebinarMissed] = 3 },
            },
        };

        var html = CampaignResultsPage.Render(
            new WorkspaceShell(language, null, WorkspaceSection.Campaigns, "/workspace/campaigns/webinar", "t"),
            new CampaignResult(campaign, stats, [new DailyCounts(new DateOnly(2026, 12, 7), 0, 0, 0)]),
            null
        );

        Assert.Contains($"<p>{expected}</p>", html, StringComparison.Ordinal);
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["then"] = 4,
                ["timeout"] = 1,
                ["webinar_missed"] = 3,
            },
            stats.Branches(wait)
        );
    }
}
