using LeadFunctions.Core.Sales;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Leads;

/// <summary>POST /api/leads/{id}/win: the opportunity is won and the lead becomes a customer.</summary>
public sealed class WinLeadHttpFunction(LeadDecisions decisions)
{
    public Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        decisions.ApplyAsync(id, SalesDecisions.Win, cancellationToken);
}
