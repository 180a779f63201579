using LeadFunctions.Core.Sales;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Leads;

/// <summary>POST /api/leads/{id}/convert: contact, account and opportunity records, and the lead becomes an
/// opportunity.</summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "post",
    Route = "leads/{id}/convert",
    Summary = "Convert a lead: creates the contact, account and opportunity records.",
    Problems = new[] { StatusCodes.Status409Conflict }
)]
public sealed class ConvertLead(LeadDecisions decisions)
{
    public Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        decisions.ApplyAsync(id, SalesDecisions.Convert, cancellationToken);
}
