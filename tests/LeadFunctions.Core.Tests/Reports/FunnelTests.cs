using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Reports;

namespace LeadFunctions.Core.Tests.Reports;

public class FunnelTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static Lead Lead(
        LifecycleStage stage,
        double hoursLater = 0,
        string source = "fair",
        string? reason = null
    ) =>
        new()
        {
            Id = "l1",
            Email = "ayse@acme.com.tr",
            Source = source,
            Stage = stage,
            DisqualifyReason = reason,
            SourceDetail = new Dictionary<string, string> { ["utm_campaign"] = "istanbul-fair" },
            CreatedAt = Created,
            UpdatedAt = Created.AddHours(hoursLater),
            LastSubmittedAt = Created,
        };

    [Fact]
    public void AJumpFromLeadToSql_ReachesMqlToo_UnderEveryDimension_InTheMonthItHappened()
    {
        var counts = FunnelCounts.Of(Lead(LifecycleStage.Lead), Lead(LifecycleStage.Sql, hoursLater: 30));

        Assert.Equal(
            ["reached_mql", "reached_sql", "to_mql_b3"],
            counts.Where(c => c.Dimension == FunnelDimension.Source).Select(c => c.Counter).Order()
        );
        Assert.All(counts, c => Assert.Equal("202611", c.Month));
        Assert.Equal(["202611", "fair", "istanbul-fair"], counts.Select(c => c.Key).Distinct().Order());
    }

    [Fact]
    public void NoStageChange_CountsNothing_ARequalifiedLeadCountsOnlyWhereItReturns()
    {
        Assert.Empty(FunnelCounts.Of(Lead(LifecycleStage.Mql), Lead(LifecycleStage.Mql, 5)));
        var back = FunnelCounts.Of(Lead(LifecycleStage.Disqualified, reason: "Lost"), Lead(LifecycleStage.Sql, 50));
        Assert.Equal(["reached_sql"], back.Where(c => c.Dimension == FunnelDimension.Month).Select(c => c.Counter));
    }

    [Fact]
    public void Report_CountsConversionsMediansAndReasons()
    {
        var rows = new List<FunnelRow>();
        void Move(Lead? before, Lead after) =>
            rows.Add(Row(FunnelCounts.Of(before, after).Where(c => c.Dimension == FunnelDimension.Source)));
        for (var i = 0; i < 4; i++)
        {
            Move(null, Lead(LifecycleStage.Lead));
        }

        Move(Lead(LifecycleStage.Lead), Lead(LifecycleStage.Mql, hoursLater: 2));
        Move(Lead(LifecycleStage.Lead), Lead(LifecycleStage.Mql, hoursLater: 3));
        Move(Lead(LifecycleStage.Lead), Lead(LifecycleStage.Disqualified, reason: "Lost "));
        Move(Lead(LifecycleStage.Lead), Lead(LifecycleStage.Disqualified, reason: "lost"));

        var group = Assert.Single(FunnelReport.Build(rows));
        Assert.Equal(4, group.Reached["lead"]);
        Assert.Equal(2, group.Reached["mql"]);
        Assert.Equal(0.5, group.Conversion["lead→mql"]);
        Assert.Null(group.Conversion["sql→opportunity"]);
        Assert.Equal(2, group.Disqualified);
        Assert.Equal(2, Assert.Single(group.DisqualifyReasons).Count);
        Assert.InRange(group.MedianHoursToMql!.Value, 1, 4);
        Assert.Null(group.MedianHoursToCustomer);
    }

    private static FunnelRow Row(IEnumerable<FunnelCount> counts)
    {
        var list = counts.ToList();
        return new FunnelRow(
            "202611",
            "fair",
            list.GroupBy(c => c.Counter).ToDictionary(g => g.Key, g => g.Sum(c => c.Delta)),
            list.Where(c => c.Label is not null).GroupBy(c => c.Counter).ToDictionary(g => g.Key, g => g.First().Label!)
        );
    }
}
