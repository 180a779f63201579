using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadFunctions.Functions.Leads;

/// <summary>GET /api/leads/{id}/timeline: submissions, events, score and stage changes, newest first.</summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "get",
    Route = "leads/{id}/timeline",
    Summary = "A lead's submissions, events, score and stage changes, emails and consent changes, newest first."
)]
public sealed class GetLeadTimeline(ILeadStore store)
{
    private const int MaxEntries = 200;

    public async Task<Results<Ok<List<TimelineEntryView>>, ProblemHttpResult>> RunAsync(
        HttpRequest request,
        string id,
        CancellationToken cancellationToken
    )
    {
        if (!LeadId.IsWellFormed(id) || await store.FindAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound("The lead");
        }

        var entries = await store.ReadTimelineAsync(id, MaxEntries, cancellationToken);
        return TypedResults.Ok(entries.Select(TimelineEntryView.From).ToList());
    }
}

public sealed record TimelineEntryView(DateTimeOffset At, string Kind, string Summary)
{
    public static TimelineEntryView From(TimelineEntry entry) =>
        new(entry.At, entry.Kind.ToString().ToLowerInvariant(), entry.Summary);
}
