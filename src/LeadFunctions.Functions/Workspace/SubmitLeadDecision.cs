using LeadFunctions.Core.Sales;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>POST /api/app/leads/{id}/decisions (sales): qualify, disqualify with a reason, convert or win, by the
/// rules and the write of the API's decisions (<see cref="SalesDecisionProcessor"/>); back to the lead page with a
/// confirmation, or the page again with the field's error or the stage's refusal.</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/leads/{id}/decisions",
    Page = true,
    Summary = "A sales decision from the workspace's lead page."
)]
public sealed class SubmitLeadDecision(WorkspaceGate gate, SalesDecisionProcessor processor, LeadFileReader reader)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var visit = await gate.SubmitAsync(
            request,
            WorkspaceSection.Leads,
            WorkspaceRoles.Sales,
            back: LeadDetailPage.PathOf(id)
        );
        if (visit.Refusal is { } refusal)
        {
            return refusal;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var name = form[LeadDetailPage.DecisionField].FirstOrDefault();
        var reason = form[LeadDetailPage.ReasonField].FirstOrDefault();
        if (SalesActions.Named(name, reason) is not { } decide)
        {
            return await Again(new LeadPageNotice { Problem = Core.Text.TextId.LeadsNotPossible }, 400);
        }

        return await processor.ApplyAsync(id, decide, cancellationToken) switch
        {
            null => LeadPageAnswer.NotFound(visit.Shell),
            { Lead: not null } => LeadPageAnswer.Done(id, name!),
            { Field: not null } invalid => await Again(LeadPageNotice.Refusing(invalid, reason), 400),
            var refused => await Again(LeadPageNotice.Refusing(refused, reason), 409),
        };

        Task<IResult> Again(LeadPageNotice notice, int status) =>
            LeadPageAnswer.ShowAsync(reader, visit.Shell, id, notice, status, cancellationToken);
    }
}
