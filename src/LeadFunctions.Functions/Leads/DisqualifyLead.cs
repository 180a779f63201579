using LeadFunctions.Core.Sales;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Leads;

/// <summary>POST /api/leads/{id}/disqualify {"reason"}: out of the funnel, with the reason on record.</summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "post",
    Route = "leads/{id}/disqualify",
    Summary = "Disqualify a lead with a reason.",
    BodyExample = """{ "reason": "No budget this year" }""",
    Problems = new[] { StatusCodes.Status409Conflict }
)]
public sealed class DisqualifyLead(LeadDecisions decisions)
{
    private const int MaxBodyBytes = 4 * 1024;

    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (fields, problem) = await FormFields.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (fields is null)
        {
            return problem!;
        }

        var reason = fields.GetValueOrDefault("reason");
        return await decisions.ApplyAsync(
            id,
            (lead, now) => SalesDecisions.Disqualify(lead, reason, now),
            cancellationToken
        );
    }
}
