using LeadFunctions.Core.Sales;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Leads;

/// <summary>POST /api/leads/{id}/qualify: the lead becomes an SQL.</summary>
public sealed class QualifyLeadHttpFunction(LeadDecisions decisions)
{
    public Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        decisions.ApplyAsync(id, SalesDecisions.Qualify, cancellationToken);
}
