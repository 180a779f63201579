using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Sales;
using LeadFunctions.Functions.Leads;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadFunctions.Functions.Tests.Leads;

public class LeadDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lead Mql = new()
    {
        Id = LeadId.FromEmail("a@acme.com"),
        Email = "a@acme.com",
        Source = "web",
        Stage = LifecycleStage.Mql,
        CreatedAt = Now,
        UpdatedAt = Now,
        LastSubmittedAt = Now,
    };

    [Fact]
    public void Answer_NoLead_404()
    {
        var problem = Assert.IsType<ProblemHttpResult>(LeadDecisions.Answer(null));
        Assert.Equal(StatusCodes.Status404NotFound, problem.StatusCode);
    }

    [Fact]
    public void Answer_Made_TheLeadAsItNowIs()
    {
        var ok = Assert.IsType<Ok<LeadView>>(LeadDecisions.Answer(SalesDecisions.Qualify(Mql, Now)));
        Assert.Equal("sql", ok.Value?.Stage);
    }

    [Fact]
    public void Answer_InvalidField_400NamingIt()
    {
        var invalid = Assert.IsType<ValidationProblem>(LeadDecisions.Answer(SalesDecisions.Disqualify(Mql, " ", Now)));
        Assert.Equal(StatusCodes.Status400BadRequest, invalid.StatusCode);
        Assert.Contains("reason", invalid.ProblemDetails.Errors.Keys);
    }

    [Fact]
    public void Answer_NotPossibleInThisStage_409()
    {
        var refused = Assert.IsType<ProblemHttpResult>(
            LeadDecisions.Answer(SalesDecisions.Convert(Mql with { Stage = LifecycleStage.Customer }, Now))
        );
        Assert.Equal(StatusCodes.Status409Conflict, refused.StatusCode);
    }
}
