using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Workspace;

/// <summary>
/// POST /api/app/signout: ends the session and goes back to the sign-in page; on Azure through App Service's own
/// sign-out, which would otherwise sign the person straight back in.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/signout",
    Page = true,
    Summary = "Sign out of the workspace."
)]
public sealed class SignOut(WorkspaceGate gate, IOptions<WorkspaceOptions> options)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var visit = await gate.SubmitAsync(request, WorkspaceSection.None);
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        await WorkspaceSession.SignOutAsync(request.HttpContext);
        var next =
            options.Value.SignIn == WorkspaceSignIn.AppService
                ? "/.auth/logout?post_logout_redirect_uri=" + Uri.EscapeDataString(WorkspacePaths.SignIn)
                : WorkspacePaths.SignIn;
        return new SeeOtherResult(new Uri(next, UriKind.Relative));
    }
}
