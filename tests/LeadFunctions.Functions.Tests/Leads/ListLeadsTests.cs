using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Leads;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadFunctions.Functions.Tests.Leads;

public class ListLeadsTests
{
    /// <summary>Answers with the page it was given, or refuses every continuation token, as the query port does with
    /// one it did not hand out.</summary>
    private sealed class PagedQuery(LeadPage page) : ILeadQuery
    {
        public LeadFilter? Filter { get; private set; }

        public Task<LeadPage> ListAsync(
            LeadFilter filter,
            string? continuationToken,
            int pageSize,
            CancellationToken cancellationToken
        )
        {
            Filter = filter;
            return continuationToken is null
                ? Task.FromResult(page)
                : throw new FormatException("Not a continuation token.");
        }
    }

    private static async Task<IResult> ListAsync(ILeadQuery query, string queryString)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(queryString);
        return (await new ListLeads(query).RunAsync(context.Request, default)).Result;
    }

    [Fact]
    public async Task RunAsync_ATokenTheQueryRefuses_400NamingIt()
    {
        var invalid = Assert.IsType<ValidationProblem>(
            await ListAsync(new PagedQuery(new LeadPage([], null)), "?continuationToken=forged")
        );
        Assert.Equal(["continuationToken"], invalid.ProblemDetails.Errors.Keys);
    }

    [Fact]
    public async Task RunAsync_TheNextPagesToken_IsPassedOnAsItCame()
    {
        var query = new PagedQuery(new LeadPage([], "opaque-token"));
        var ok = Assert.IsType<Ok<LeadPageView>>(await ListAsync(query, "?stage=mql&q=%20Ayse@"));
        Assert.Equal("opaque-token", ok.Value?.ContinuationToken);
        Assert.Equal(new LeadFilter(LifecycleStage.Mql, null, null, "ayse@"), query.Filter);
    }
}
