using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Enrichment;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Scoring;

namespace LeadFunctions.Core.Tests.Scoring;

public class LeadScorerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly LeadScorer scorer = new(DefaultScoringModel.Create());

    private static Lead Lead(string? jobTitle = null, string? industry = null, int? size = null) =>
        new()
        {
            Id = "x",
            Email = "a@acme.com.tr",
            JobTitle = jobTitle,
            Industry = industry,
            CompanySize = size,
            Source = "web",
            CreatedAt = Now,
            UpdatedAt = Now,
            LastSubmittedAt = Now,
        };

    private static LeadEnrichment Business(string? country = null) =>
        new("acme.com.tr", false, false, "acme.com.tr", null, null, country, null);

    private static EngagementEvent Event(string type, DateTimeOffset at) =>
        new()
        {
            EventId = Guid.NewGuid().ToString("N"),
            LeadId = "x",
            Type = type,
            OccurredAt = at,
            Source = "web",
        };

    [Theory]
    [InlineData("GENEL MÜDÜR", 25)]
    [InlineData("Genel Müdür Yardımcısı", 20)]
    [InlineData("Vice President, Sales", 20)]
    [InlineData("Satış Direktörü", 20)]
    [InlineData("Director of Sales", 20)]
    [InlineData("IT Manager", 12)]
    [InlineData("Stajyer", -15)]
    [InlineData("Actor", 0)]
    public void Score_JobTitle_FirstMatchingRuleByWholeWord(string title, int expected)
    {
        Assert.Equal(expected, scorer.Score(Lead(title), null, [], Now).Fit);
    }

    [Fact]
    public void Score_Fit_AddsIndustrySizeCountryAndEmailKind()
    {
        var result = scorer.Score(Lead("CTO", "Software", 250), Business("TR"), [], Now);
        Assert.Equal(25 + 10 + 12 + 5 + 10, result.Fit);
        Assert.Equal("A", result.Grade);
    }

    [Fact]
    public void Score_DisposableEmail_IsAStrongNegative()
    {
        var disposable = new LeadEnrichment("mailinator.com", false, true, null, null, null, null, null);
        var result = scorer.Score(Lead("CEO"), disposable, [], Now);
        Assert.Equal(25 - 50, result.Fit);
        Assert.Equal("D", result.Grade);
    }

    [Fact]
    public void Score_EngagementHalvesEveryHalfLife()
    {
        Assert.Equal(40, scorer.Score(Lead(), null, [Event(EventTypes.DemoRequest, Now)], Now).Engagement);
        Assert.Equal(20, scorer.Score(Lead(), null, [Event(EventTypes.DemoRequest, Now.AddDays(-30))], Now).Engagement);
        Assert.Equal(10, scorer.Score(Lead(), null, [Event(EventTypes.DemoRequest, Now.AddDays(-60))], Now).Engagement);
    }

    [Fact]
    public void Score_RepeatedEventsSameDay_CappedPerDay()
    {
        var pricing = Enumerable
            .Range(0, 200)
            .Select(i => Event(EventTypes.PricingPageView, Now.AddMinutes(-i)))
            .ToList();
        Assert.Equal(15, scorer.Score(Lead(), null, pricing, Now).Engagement);
    }

    [Fact]
    public void Score_Engagement_CappedByModelMax()
    {
        var demos = Enumerable.Range(0, 10).Select(i => Event(EventTypes.DemoRequest, Now.AddHours(-i))).ToList();
        Assert.Equal(100, scorer.Score(Lead(), null, demos, Now).Engagement);
    }

    [Fact]
    public void Score_UnknownEventType_CountsNothing()
    {
        Assert.Equal(0, scorer.Score(Lead(), null, [Event("spin_the_wheel", Now)], Now).Engagement);
    }
}
