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
        if (options.Value.SignIn != WorkspaceSignIn.AppService)
        {
            return WorkspacePageResult.Ok(SignInPage.Render(shell, returnTo, platformSignIn: null, error: null));
        }

        // Read only when App Service Authentication is on: only then does the platform remove a client's own header.
        var principal = AppServicePrincipal.Parse(request.Headers[AppServicePrincipal.HeaderName].FirstOrDefault());
        if (principal is { Roles: not WorkspaceRoles.None } person)
        {
            // An admin may do what the others do, as the master key does self-hosted.
            var roles = person.Roles.HasFlag(WorkspaceRoles.Admin) ? WorkspaceRoles.All : person.Roles;
            await WorkspaceSession.SignInAsync(request.HttpContext, new WorkspaceUser(person.Name ?? "?", roles));
            return new SeeOtherResult(new Uri(returnTo, UriKind.Relative));
        }

        var platform = "/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(WorkspacePaths.SignIn);
        return principal is null
            ? WorkspacePageResult.Ok(SignInPage.Render(shell, returnTo, platform, error: null))
            : WorkspacePageResult.Status(
                StatusCodes.Status403Forbidden,
                SignInPage.Render(shell, returnTo, platform, TextId.WorkspaceNoRole)
            );
    }
}
