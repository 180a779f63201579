using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Sales;

namespace LeadFunctions.Core.Tests;

public class SalesDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static Lead Lead(LifecycleStage stage) =>
        new()
        {
            Id = LeadId.FromEmail("a@acme.com"),
            Email = "a@acme.com",
            Company = "Acme",
            Source = "web",
            Stage = stage,
            CreatedAt = Now,
            UpdatedAt = Now,
            LastSubmittedAt = Now,
        };

    [Theory]
    [InlineData(LifecycleStage.Lead, true)]
    [InlineData(LifecycleStage.Mql, true)]
    [InlineData(LifecycleStage.Disqualified, true)]
    [InlineData(LifecycleStage.Sql, false)]
    [InlineData(LifecycleStage.Customer, false)]
    public void Qualify_FromStage(LifecycleStage from, bool allowed)
    {
        var decision = SalesDecisions.Qualify(Lead(from), Now);
        Assert.Equal(allowed, decision.Lead?.Stage == LifecycleStage.Sql);
    }

    [Fact]
    public void Disqualify_KeepsTheReason_AndRequiresOne()
    {
        Assert.Equal(
            "Cannot Contact",
            SalesDecisions.Disqualify(Lead(LifecycleStage.Mql), " Cannot Contact ", Now).Lead?.DisqualifyReason
        );
        Assert.Equal("reason", SalesDecisions.Disqualify(Lead(LifecycleStage.Mql), " ", Now).Field);
        Assert.NotNull(SalesDecisions.Disqualify(Lead(LifecycleStage.Customer), "Lost", Now).Problem);
    }

    [Fact]
    public void Convert_CreatesLinkedRecordIds_Once()
    {
        var converted = SalesDecisions.Convert(Lead(LifecycleStage.Sql), Now).Lead!;
        Assert.Equal(LifecycleStage.Opportunity, converted.Stage);
        Assert.Equal($"contact-{converted.Id}", converted.Conversion?.ContactId);
        Assert.Equal($"opportunity-{converted.Id}", converted.Conversion?.OpportunityId);
        Assert.Null(SalesDecisions.Convert(converted, Now).Lead);
        Assert.Null(SalesDecisions.Convert(Lead(LifecycleStage.Disqualified), Now).Lead);
    }

    [Fact]
    public void Win_AnOpenOpportunity_BecomesACustomer_AndNothingElseCan()
    {
        var opportunity = SalesDecisions.Convert(Lead(LifecycleStage.Sql), Now).Lead!;

        var customer = SalesDecisions.Win(opportunity, Now).Lead!;

        Assert.Equal(LifecycleStage.Customer, customer.Stage);
        Assert.Equal(opportunity.Conversion, customer.Conversion);
        Assert.Null(SalesDecisions.Win(customer, Now).Lead);
        Assert.Null(SalesDecisions.Win(Lead(LifecycleStage.Sql), Now).Lead);
        Assert.Null(SalesDecisions.Win(SalesDecisions.Disqualify(opportunity, "Lost", Now).Lead!, Now).Lead);
    }

    [Fact]
    public void Qualify_ALostOpportunity_ReopensItInsteadOfGoingBackToSql()
    {
        var converted = SalesDecisions.Convert(Lead(LifecycleStage.Sql), Now).Lead!;
        var lost = SalesDecisions.Disqualify(converted, "Lost", Now).Lead!;

        var reopened = SalesDecisions.Qualify(lost, Now).Lead!;
        Assert.Equal(LifecycleStage.Opportunity, reopened.Stage);
        Assert.Equal(converted.Conversion, reopened.Conversion);
        Assert.Null(reopened.DisqualifyReason);
    }
}
