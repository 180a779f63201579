using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Tests.Nurture;

namespace LeadFunctions.Core.Tests.Campaigns;

public class CampaignEditorTests
{
    private const string Ayse = "ayse@acme.com.tr";
    private static readonly Campaign ThreeSteps = NurtureWorld.Campaign(
        "fair",
        ("welcome", TimeSpan.Zero),
        ("case-study", TimeSpan.FromDays(2)),
        ("offer", TimeSpan.FromDays(3))
    );

    /// <summary>A running campaign whose first step went to Ayşe.</summary>
    private static async Task<NurtureWorld> WelcomeSentAsync()
    {
        var world = new NurtureWorld();
        world.Put(ThreeSteps);
        await world.EnrollAsync(NurtureWorld.Lead(Ayse), ThreeSteps);
        await world.RunForAsync(TimeSpan.FromHours(1));
        return world;
    }

    private static Campaign WithSteps(params CampaignStep[] steps) => ThreeSteps with { Steps = steps };

    private static CampaignStep Renamed(CampaignStep step, string id) => step with { Id = id };

    [Fact]
    public async Task SaveAsync_SentStepRenamedInARunningCampaign_RefusedWithTheStepAndWhy_NothingStored()
    {
        var world = await WelcomeSentAsync();

        var saved = await world.Editor.SaveAsync(
            WithSteps(Renamed(ThreeSteps.Steps[0], "welcome-v2"), ThreeSteps.Steps[1], ThreeSteps.Steps[2]),
            false,
            null,
            CancellationToken.None
        );

        Assert.Equal(CampaignSaveOutcome.RenamedSentStep, saved.Outcome);
        Assert.Contains("'welcome' was sent to 1 person", saved.Reason, StringComparison.Ordinal);
        Assert.Contains("'welcome-v2'", saved.Reason, StringComparison.Ordinal);
        Assert.Contains("?confirm=renamed-steps", saved.Reason, StringComparison.Ordinal);
        Assert.Equal("welcome", (await world.Pipeline.Campaigns.GetAsync("fair", CancellationToken.None))!.Steps[0].Id);
    }

    [Fact]
    public async Task SaveAsync_AStepTurnedIntoAnotherKindUnderItsId_RefusedWithTheField_NothingStored()
    {
        var world = await WelcomeSentAsync();
        var wait = new CampaignStep
        {
            Id = "case-study",
            Wait = new StepWait(new WaitUntil { Clicked = "welcome" }, TimeSpan.FromDays(2), null, null),
        };

        var saved = await world.Editor.SaveAsync(
            WithSteps(ThreeSteps.Steps[0], wait, ThreeSteps.Steps[2]),
            confirmRenamedSteps: true,
            null,
            CancellationToken.None
        );

        Assert.Equal(CampaignSaveOutcome.Invalid, saved.Outcome);
        Assert.Contains(
            "'case-study' is an email",
            Assert.Single(saved.Errors!["steps[1].id"]),
            StringComparison.Ordinal
        );
        Assert.True((await world.Pipeline.Campaigns.GetAsync("fair", CancellationToken.None))!.Steps[1].IsEmail);
    }

    [Fact]
    public async Task SaveAsync_SentStepRenamedAndConfirmed_Saved()
    {
        var world = await WelcomeSentAsync();

        var saved = await world.Editor.SaveAsync(
            WithSteps(Renamed(ThreeSteps.Steps[0], "welcome-v2"), ThreeSteps.Steps[1]),
            confirmRenamedSteps: true,
            null,
            CancellationToken.None
        );

        Assert.Equal(CampaignSaveOutcome.Replaced, saved.Outcome);
        Assert.Equal(
            "welcome-v2",
            (await world.Pipeline.Campaigns.GetAsync("fair", CancellationToken.None))!.Steps[0].Id
        );
    }

    [Fact]
    public async Task SaveAsync_RemovedWithoutAdding_Reordered_ContentEdited_UnsentStepRenamed_PausedCampaign_AllSaved()
    {
        var world = await WelcomeSentAsync();
        var edits = new[]
        {
            WithSteps(ThreeSteps.Steps[1], ThreeSteps.Steps[2]),
            WithSteps(ThreeSteps.Steps[2], ThreeSteps.Steps[0], ThreeSteps.Steps[1]),
            WithSteps(
                ThreeSteps.Steps[0] with
                {
                    Content = new StepContent("New", "<p>new</p>", "new"),
                },
                ThreeSteps.Steps[1],
                ThreeSteps.Steps[2]
            ),
            WithSteps(ThreeSteps.Steps[0], Renamed(ThreeSteps.Steps[1], "story"), ThreeSteps.Steps[2]),
        };

        var outcomes = new List<CampaignSaveOutcome>();
        foreach (var edit in edits)
        {
            outcomes.Add((await world.Editor.SaveAsync(edit, false, null, CancellationToken.None)).Outcome);
            await world.Editor.SaveAsync(ThreeSteps, false, null, CancellationToken.None);
        }

        await world.Editor.SaveAsync(ThreeSteps with { Active = false }, false, null, CancellationToken.None);
        outcomes.Add(
            (
                await world.Editor.SaveAsync(
                    WithSteps(Renamed(ThreeSteps.Steps[0], "welcome-v2")) with
                    {
                        Active = false,
                    },
                    false,
                    null,
                    CancellationToken.None
                )
            ).Outcome
        );

        Assert.All(outcomes, o => Assert.Equal(CampaignSaveOutcome.Replaced, o));
        Assert.Equal(1, world.Pipeline.Stats.Count("fair", CampaignMetric.Sent, "welcome"));
        Assert.NotNull(world.EnrollmentOf(LeadId.FromEmail(Ayse), "fair"));
    }

    [Fact]
    public async Task SaveAsync_AnEdit_IsValidatedStampedStoredAndTheCatalogToldToReadAgain()
    {
        var world = new NurtureWorld();
        world.Pipeline.Time.Advance(TimeSpan.FromMinutes(5));

        var saved = await world.Editor.SaveAsync(
            new CampaignEdit("fair", CampaignDefinition.From(ThreeSteps), "fair", null, null),
            CancellationToken.None
        );

        Assert.Equal(CampaignSaveOutcome.Created, saved.Outcome);
        var stored = await world.Pipeline.Campaigns.GetAsync("fair", CancellationToken.None);
        Assert.Equal(world.Pipeline.Time.GetUtcNow(), stored!.UpdatedAt);
        Assert.Equal(1, world.Pipeline.Campaigns.Invalidations);
    }

    [Fact]
    public async Task SaveAsync_AnEditNamingAnotherId_OrSayingWhatNoEditSays_InvalidAndNothingStored()
    {
        var world = new NurtureWorld();

        var definition = CampaignDefinition.From(ThreeSteps);
        var none = CancellationToken.None;
        var otherId = await world.Editor.SaveAsync(new CampaignEdit("fair", definition, "other", null, null), none);
        var unsaid = await world.Editor.SaveAsync(new CampaignEdit("fair", definition, null, "yes", "later"), none);

        Assert.Equal((CampaignSaveOutcome.Invalid, CampaignSaveOutcome.Invalid), (otherId.Outcome, unsaid.Outcome));
        Assert.Equal(["id"], otherId.Errors!.Keys);
        Assert.Equal(["confirm", "missed"], unsaid.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Null(await world.Pipeline.Campaigns.GetAsync("fair", CancellationToken.None));
        Assert.Equal(0, world.Pipeline.Campaigns.Invalidations);
    }
}
