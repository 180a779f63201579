using LeadFunctions.Core.Sales;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Leads;

/// <summary>POST /api/leads/{id}/win: the opportunity is won and the lead becomes a customer.</summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "post",
    Route = "leads/{id}/win",
    Summary = "The opportunity is won: the converted lead becomes a customer and its opportunity is closed as won.",
    Problems = new[] { StatusCodes.Status409Conflict }
)]
public sealed class WinLead(LeadDecisions decisions)
{
    public Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        decisions.ApplyAsync(id, SalesDecisions.Win, cancellationToken);
}
