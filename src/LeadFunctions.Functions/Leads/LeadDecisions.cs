using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Sales;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Leads;

/// <summary>Applies a sales decision through Core's <see cref="SalesDecisionProcessor"/>, and answers for it.</summary>
public sealed class LeadDecisions(SalesDecisionProcessor processor)
{
    public async Task<IResult> ApplyAsync(
        string id,
        Func<Lead, DateTimeOffset, Decision> decide,
        CancellationToken cancellationToken
    ) => Answer(await processor.ApplyAsync(id, decide, cancellationToken));

    /// <summary>No lead is 404, a decision made is the lead as it now is, a field that is not valid 400, a stage that
    /// does not allow it 409.</summary>
    public static IResult Answer(Decision? decision) =>
        decision switch
        {
            null => Problems.NotFound("The lead"),
            { Lead: { } lead } => TypedResults.Ok(LeadView.From(lead)),
            { Field: { } field, Problem: { } problem } => Problems.Invalid(
                new Dictionary<string, string[]> { [field] = [problem] }
            ),
            { Problem: var problem } => Problems.Conflict(problem, "Not possible in this stage."),
        };
}
