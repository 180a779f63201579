using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadFunctions.Functions.Leads;

/// <summary>GET /api/leads/{id}: one point read.</summary>
[HttpFunction(AuthorizationLevel.Function, "get", Route = "leads/{id}", Summary = "Read one lead.")]
public sealed class GetLead(ILeadStore store)
{
    public async Task<Results<Ok<LeadView>, ProblemHttpResult>> RunAsync(
        HttpRequest request,
        string id,
        CancellationToken cancellationToken
    )
    {
        // Ids are hex hashes; anything else cannot name a lead and never reaches storage.
        if (!LeadId.IsWellFormed(id))
        {
            return Problems.NotFound("The lead");
        }

        var found = await store.FindAsync(id, cancellationToken);
        return found is null ? Problems.NotFound("The lead") : TypedResults.Ok(LeadView.From(found.Lead));
    }
}
