using LeadFunctions.Core.Scoring;

namespace LeadFunctions.Core.Tests.Scoring;

public class ScoringModelValidatorTests
{
    [Fact]
    public void Validate_DefaultModel_IsValid()
    {
        Assert.Empty(ScoringModelValidator.Validate(DefaultScoringModel.Create()));
    }

    [Fact]
    public void Validate_BrokenModel_NamesEveryProblem()
    {
        var model = DefaultScoringModel.Create() with
        {
            Fit = new FitRules
            {
                JobTitle = [new KeywordRule([], 500)],
                Country = new Dictionary<string, int> { ["Turkey"] = 5 },
            },
            Engagement = new EngagementRules
            {
                Events = new Dictionary<string, EventRule> { ["Page View"] = new(1, 0) },
                HalfLifeDays = 0,
            },
            Grades = new GradeThresholds(10, 20, 30),
            MqlThreshold = 0,
        };

        var errors = ScoringModelValidator.Validate(model);
        Assert.Contains("fit.jobTitle[0].keywords", errors.Keys);
        Assert.Contains("fit.jobTitle[0].points", errors.Keys);
        Assert.Contains("fit.country", errors.Keys);
        Assert.Contains("engagement.events", errors.Keys);
        Assert.Contains("engagement.halfLifeDays", errors.Keys);
        Assert.Contains("grades", errors.Keys);
        Assert.Contains("mqlThreshold", errors.Keys);
    }
}
