using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Tests.Campaigns;

/// <summary>Campaigns and lead changes the campaign tests share.</summary>
internal static class CampaignFixtures
{
    public static readonly string Ayse = LeadId.FromEmail("ayse@acme.com.tr");

    public static Campaign Campaign(
        string id,
        CampaignTrigger? trigger = null,
        CampaignAudience? audience = null,
        StopConditions? stopWhen = null
    ) =>
        new()
        {
            Id = id,
            Name = "Campaign " + id,
            Trigger = trigger ?? new CampaignTrigger(),
            Audience = audience ?? new CampaignAudience(),
            StopWhen = stopWhen ?? new StopConditions(),
            Steps =
            [
                new CampaignStep
                {
                    Id = "welcome",
                    Delay = TimeSpan.FromHours(1),
                    Content = new StepContent("Hi", "<p>Hi</p>", "Hi"),
                },
                new CampaignStep
                {
                    Id = "case-study",
                    Delay = TimeSpan.FromDays(2),
                    Content = new StepContent("Case", "<p>Case</p>", "Case"),
                },
            ],
        };

    /// <summary>Moves the lead to <paramref name="stage"/> through the updater, as a sales decision does.</summary>
    public static Task MoveAsync(Pipeline pipeline, LifecycleStage stage) =>
        pipeline.Updater.UpdateAsync(
            Ayse,
            s =>
                Task.FromResult<LeadChange?>(
                    LeadChange.Updated(
                        s.Lead! with
                        {
                            Stage = stage,
                        },
                        s.ETag,
                        new TimelineEntry($"test|{stage}", pipeline.Time.GetUtcNow(), TimelineKind.Stage, "moved")
                    )
                ),
            default
        );
}
