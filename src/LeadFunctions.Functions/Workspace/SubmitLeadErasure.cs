using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>POST /api/app/leads/{id}/erasure (admin): erases the person once their email address is typed
/// (<see cref="ConfirmedErasure"/>), then back to the search; a wrong address erases nothing.</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/leads/{id}/erasure",
    Page = true,
    Summary = "Erase a person from the workspace's lead page (admin)."
)]
public sealed class SubmitLeadErasure(WorkspaceGate gate, ConfirmedErasure erasure, LeadFileReader reader)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var visit = await gate.SubmitAsync(
            request,
            WorkspaceSection.Leads,
            WorkspaceRoles.Admin,
            back: LeadDetailPage.PathOf(id)
        );
        if (visit.Refusal is { } refusal)
        {
            return refusal;
        }

        var typed = (await request.ReadFormAsync(cancellationToken))[LeadDetailPage.EmailField].FirstOrDefault();
        return await erasure.EraseAsync(id, typed, cancellationToken) switch
        {
            ErasureAnswer.Erased => new Http.SeeOtherResult(
                new Uri($"{WorkspacePaths.Leads}?done={LeadSearchPage.Erased}", UriKind.Relative)
            ),
            ErasureAnswer.WrongAddress => await LeadPageAnswer.ShowAsync(
                reader,
                visit.Shell,
                id,
                LeadPageNotice.Invalid(LeadDetailPage.EmailField, TextId.LeadsEraseWrong, typed),
                StatusCodes.Status400BadRequest,
                cancellationToken
            ),
            _ => LeadPageAnswer.NotFound(visit.Shell),
        };
    }
}
