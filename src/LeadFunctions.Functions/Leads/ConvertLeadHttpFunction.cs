using LeadFunctions.Core.Sales;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Leads;

/// <summary>POST /api/leads/{id}/convert: contact, account and opportunity records, and the lead becomes an opportunity.</summary>
public sealed class ConvertLeadHttpFunction(LeadDecisions decisions)
{
    public Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        decisions.ApplyAsync(id, SalesDecisions.Convert, cancellationToken);
}
