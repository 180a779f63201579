using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Workspace;

/// <summary>
/// GET /api/app/signin: the sign-in page, or straight on for someone already signed in. On Azure (Workspace:SignIn
/// AppService) the platform's sign-in comes back here with the person, who then gets the workspace's own session.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = "app/signin",
    Page = true,
    Summary = "The workspace's sign-in page."
)]
public sealed class ShowSignIn(WorkspaceGate gate, IOptions<WorkspaceOptions> options)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var returnTo = SignIn.ReturnTo(request.Query["returnTo"].FirstOrDefault());
        if (await WorkspaceSession.ReadAsync(request.HttpContext) is not null)
        {
            return new SeeOtherResult(new Uri(returnTo, UriKind.Relative));
        }

        var (shell, _) = await gate.AnonymousAsync(request);
        var platform =
            options.Value.SignIn == WorkspaceSignIn.AppService
                ? "/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(WorkspacePaths.SignIn)
                : null;
        return WorkspacePageResult.Ok(SignInPage.Render(shell, returnTo, platform, error: null));
    }
}
