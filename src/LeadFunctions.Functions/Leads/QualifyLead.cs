using LeadFunctions.Core.Sales;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Leads;

/// <summary>POST /api/leads/{id}/qualify: the lead becomes an SQL.</summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "post",
    Route = "leads/{id}/qualify",
    Summary = "Qualify a lead (sales accepts it).",
    Problems = new[] { StatusCodes.Status409Conflict }
)]
public sealed class QualifyLead(LeadDecisions decisions)
{
    public Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        decisions.ApplyAsync(id, SalesDecisions.Qualify, cancellationToken);
}
