using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace LeadFunctions.Functions.Tests.Http;

public class QueryParametersTests
{
    private static QueryParameters Query(string queryString) =>
        new(new QueryCollection(QueryHelpers.ParseQuery(queryString)));

    [Theory]
    [InlineData("", 50, null)]
    [InlineData("?pageSize=&continuationToken=", 50, null)]
    [InlineData("?pageSize=7&continuationToken=abc", 7, "abc")]
    public void Paging_AbsentOrEmptyIsTheDefault_AValueIsTaken(string queryString, int size, string? token)
    {
        var query = Query(queryString);

        Assert.Equal(new Paging(size, token), query.Paging(50, 100));
        Assert.True(query.IsValid);
    }

    [Theory]
    [InlineData("?pageSize=0")]
    [InlineData("?pageSize=101")]
    [InlineData("?pageSize=ten")]
    public void Paging_OutOfRangeOrNotANumber_OneErrorNamingTheRange(string queryString)
    {
        var query = Query(queryString);

        query.Paging(50, 100);

        var errors = query.Refusal.ProblemDetails.Errors;
        Assert.Equal(["A whole number from 1 to 100."], errors["pageSize"]);
    }

    [Fact]
    public void Required_Absent_IsAnError_AndEveryErrorIsAnsweredTogether()
    {
        var query = Query("?minScore=high");

        query.WholeNumber("minScore");
        query.Required("from", text => DateOnly.TryParse(text, out var day) ? day : (DateOnly?)null, "A date.");

        Assert.Equal(["from", "minScore"], query.Refusal.ProblemDetails.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
