using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Scoring;

namespace LeadFunctions.Core.Tests.Scoring;

/// <summary>Cold, warm and hot from engagement and recency (the default model: warm from 10 within 90 days, hot from 40
/// within 14).</summary>
public class TemperatureTests
{
    private static readonly string Id = LeadId.FromEmail("ayse@acme.com.tr");

    [Fact]
    public async Task ADemoRequest_MakesTheLeadHot_ExplainedOnTheTimeline()
    {
        var pipeline = new Pipeline();
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default);
        Assert.Equal(Temperature.Cold, pipeline.Store[Id]!.Temperature);
        Assert.DoesNotContain(pipeline.Store.Entries(Id), e => e.Kind == TimelineKind.Temperature);

        await pipeline.Engagement.ProcessAsync(pipeline.Event("e1", EventTypes.DemoRequest), default);

        Assert.Equal(Temperature.Hot, pipeline.Store[Id]!.Temperature);
        var entry = Assert.Single(pipeline.Store.Entries(Id), e => e.Kind == TimelineKind.Temperature);
        Assert.StartsWith(
            "Temperature cold → hot: engagement 40 ≥ hot 40, last activity 2026-11-2",
            entry.Summary,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task NightlyRescoring_CoolsAHotLead_AsItsEngagementAgesAndDecays()
    {
        var pipeline = new Pipeline();
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default);
        await pipeline.Engagement.ProcessAsync(pipeline.Event("e1", EventTypes.DemoRequest), default);

        pipeline.Time.Advance(TimeSpan.FromDays(30));
        await RescoreAsync(pipeline);
        Assert.Equal(Temperature.Warm, pipeline.Store[Id]!.Temperature);

        pipeline.Time.Advance(TimeSpan.FromDays(70));
        await RescoreAsync(pipeline);
        Assert.Equal(Temperature.Cold, pipeline.Store[Id]!.Temperature);
        Assert.Equal(
            ["cold", "warm", "hot"],
            pipeline
                .Store.Entries(Id)
                .Where(e => e.Kind == TimelineKind.Temperature)
                .OrderByDescending(e => e.At)
                .Select(e => e.Summary.Split(' ')[3].TrimEnd(':'))
        );
    }

    [Theory]
    [InlineData(45, 13, Temperature.Hot)]
    [InlineData(45, 15, Temperature.Warm)]
    [InlineData(39, 1, Temperature.Warm)]
    [InlineData(12, 91, Temperature.Cold)]
    [InlineData(9, 1, Temperature.Cold)]
    public void Score_TemperatureNeedsBothEngagementAndRecentActivity(int points, int daysAgo, Temperature expected)
    {
        var model = DefaultScoringModel.Create() with
        {
            // No decay, so the points stay as given and only recency moves the temperature.
            Engagement = new EngagementRules
            {
                Events = new Dictionary<string, EventRule> { ["webinar_attended"] = new(points) },
                HalfLifeDays = 3650 * 100,
            },
        };
        var now = Pipeline.Start;
        var lead = new Lead
        {
            Id = Id,
            Email = "ayse@acme.com.tr",
            Source = "web",
            CreatedAt = now,
            UpdatedAt = now,
            LastSubmittedAt = now,
        };
        var attended = new EngagementEvent
        {
            EventId = "w1",
            LeadId = Id,
            Type = "webinar_attended",
            OccurredAt = now.AddDays(-daysAgo),
            Source = "zoom",
        };

        Assert.Equal(expected, new LeadScorer(model).Score(lead, null, [attended], now).Temperature);
    }

    [Fact]
    public void Validate_TemperatureRulesOutOfOrder_AreRefused()
    {
        var model = DefaultScoringModel.Create() with
        {
            Temperature = new TemperatureRules
            {
                Warm = 50,
                Hot = 40,
                WarmWithinDays = 7,
                HotWithinDays = 14,
            },
        };
        var errors = ScoringModelValidator.Validate(model);
        Assert.Equal(2, errors["temperature"].Length);
    }

    private static async Task RescoreAsync(Pipeline pipeline)
    {
        var rescorer = new LeadRescorer(pipeline.Store, pipeline.Updater, pipeline.Models, pipeline.Time);
        foreach (var part in RescorePart.Plan(pipeline.Time.GetUtcNow()))
        {
            await rescorer.RescoreAsync(part, default);
        }
    }
}
