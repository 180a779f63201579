using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>POST /api/app/signout: ends the session and goes back to the sign-in page.</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/signout",
    Page = true,
    Summary = "Sign out of the workspace."
)]
public sealed class SignOut(WorkspaceGate gate)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var visit = await gate.SubmitAsync(request, WorkspaceSection.None);
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        await WorkspaceSession.SignOutAsync(request.HttpContext);
        return new SeeOtherResult(new Uri(WorkspacePaths.SignIn, UriKind.Relative));
    }
}
