using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadFunctions.Functions.Leads;

/// <summary>GET
/// /api/leads?stage=&amp;source=&amp;minScore=&amp;temperature=&amp;q=&amp;pageSize=&amp;continuationToken=: a page of
/// leads.</summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "get",
    Route = "leads",
    Summary = "List leads by stage, source, minimum score or text, a page at a time."
)]
public sealed class ListLeads(ILeadQuery leads)
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 100;
    private const string StageRule = "One of subscriber, lead, mql, sql, opportunity, customer, disqualified.";

    public async Task<Results<Ok<LeadPageView>, ValidationProblem>> RunAsync(
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        var query = new QueryParameters(request.Query);
        var stage = query.Parse("stage", ReadStage, StageRule);
        var source = query.Text("source");
        if (source is not null && !LeadSources.IsValid(source))
        {
            query.Refuse("source", LeadSources.Rule);
        }

        var minScore = query.WholeNumber("minScore");
        var temperature = query.Parse("temperature", ReadTemperature, "One of cold, warm, hot.");
        var paging = query.Paging(DefaultPageSize, MaxPageSize);
        var q = EmailPrefix.Normalize(query.Text("q"));
        if (q is not null && !EmailPrefix.IsValid(q))
        {
            query.Refuse("q", "An email or the start of one, at most 254 characters.");
        }

        if (!query.IsValid)
        {
            return query.Refusal;
        }

        try
        {
            var filter = new LeadFilter(stage, source, minScore, q, temperature);
            var page = await leads.ListAsync(filter, paging.ContinuationToken, paging.PageSize, cancellationToken);
            return TypedResults.Ok(new LeadPageView([.. page.Leads.Select(LeadView.From)], page.ContinuationToken));
        }
        catch (FormatException)
        {
            return QueryParameters.UnknownContinuationToken;
        }
    }

    private static LifecycleStage? ReadStage(string text) =>
        LifecycleStages.TryParse(text, out var parsed) ? parsed : null;

    private static Temperature? ReadTemperature(string text) =>
        Temperatures.TryParse(text, out var parsed) ? parsed : null;
}

public sealed record LeadPageView(IReadOnlyList<LeadView> Items, string? ContinuationToken);
