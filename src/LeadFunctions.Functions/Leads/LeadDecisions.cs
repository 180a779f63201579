using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Sales;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Leads;

/// <summary>Applies a sales decision to a lead through the one read-decide-write loop, and answers for it.</summary>
public sealed class LeadDecisions(LeadUpdater updater, ICrmStore crm, TimeProvider time)
{
    public async Task<IResult> ApplyAsync(string id, Func<Lead, DateTimeOffset, Decision> decide, CancellationToken cancellationToken)
    {
        if (!LeadId.IsWellFormed(id))
        {
            return Problems.NotFound("The lead");
        }

        Decision? decision = null;
        Lead? read = null;
        var outcome = await updater.UpdateAsync(id, async snapshot =>
        {
            read = snapshot.Lead;
            if (snapshot.Lead is null)
            {
                decision = null;
                return null;
            }

            decision = decide(snapshot.Lead, time.GetUtcNow());
            if (decision is not { Lead: { } lead, Entry: { } entry })
            {
                return null;
            }

            // The records first: the lead links to them once it is written.
            if (lead.Conversion is { } conversion && snapshot.Lead.Conversion is null)
            {
                await crm.SaveConversionAsync(lead, conversion, cancellationToken);
            }

            return new LeadChange(id, lead, snapshot.ETag, [entry], []);
        }, cancellationToken);

        // A converted lead's opportunity follows the lead as it now stands, written after the lead: after a
        // refused decision too, so that retrying a decision whose status write failed (or whose host died
        // after the lead's write) repairs the opportunity. The store writes only a status older than the lead.
        // A write found already applied (the SDK resent it) stands as this decision's.
        var standing = outcome is UpdateOutcome.Updated or UpdateOutcome.Duplicate ? decision?.Lead : read;
        if (standing is { Conversion: not null })
        {
            await crm.SaveOpportunityStatusAsync(standing, cancellationToken);
        }

        return decision switch
        {
            null => Problems.NotFound("The lead"),
            { Lead: { } lead } => TypedResults.Ok(LeadView.From(lead)),
            { Field: { } field, Problem: { } problem } => Problems.Invalid(new Dictionary<string, string[]> { [field] = [problem] }),
            { Problem: var problem } => TypedResults.Problem(problem, statusCode: StatusCodes.Status409Conflict, title: "Not possible in this stage."),
        };
    }
}

/// <summary>POST /api/leads/{id}/qualify: the lead becomes an SQL.</summary>
public sealed class QualifyLeadHttpFunction(LeadDecisions decisions)
{
    public Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        decisions.ApplyAsync(id, SalesDecisions.Qualify, cancellationToken);
}

/// <summary>POST /api/leads/{id}/convert: contact, account and opportunity records, and the lead becomes an opportunity.</summary>
public sealed class ConvertLeadHttpFunction(LeadDecisions decisions)
{
    public Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        decisions.ApplyAsync(id, SalesDecisions.Convert, cancellationToken);
}
