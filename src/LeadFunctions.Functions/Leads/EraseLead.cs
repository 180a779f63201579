using LeadFunctions.Core.DataSubjects;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Leads;

/// <summary>DELETE /api/leads/{id} (master key): erases the person everywhere (<see cref="LeadEraser"/>) and says what
/// went.</summary>
[HttpFunction(
    AuthorizationLevel.Admin,
    "delete",
    Route = "leads/{id}",
    Summary = "Erase a person (KVKK/GDPR): suppresses the address, deletes their rows in every table, their queued "
        + "and poisoned messages and the referral links to them; anonymous counters stay."
)]
public sealed class EraseLead(LeadEraser eraser)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        LeadId.IsWellFormed(id) && await eraser.EraseAsync(id, cancellationToken) is { } erasure
            ? TypedResults.Ok(erasure)
            : Problems.NotFound("The lead");
}
