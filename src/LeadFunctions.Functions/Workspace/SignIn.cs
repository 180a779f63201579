using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>POST /api/app/signin: a key typed on the sign-in page opens a session (self-hosted).</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/signin",
    Page = true,
    Summary = "Sign in to the workspace with a function key (marketer and sales) or the master key (admin)."
)]
public sealed class SignIn(WorkspaceGate gate, IWorkspaceKeys? keys = null)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (shell, formValid) = await gate.AnonymousAsync(request);
        if (!formValid)
        {
            return WorkspaceGate.Expired(shell);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var returnTo = form["returnTo"].FirstOrDefault();
        if (form["key"].FirstOrDefault() is not { Length: > 0 } key || keys?.UserOf(key) is not { } user)
        {
            var page = SignInPage.Render(shell, ReturnTo(returnTo), platformSignIn: null, TextId.WorkspaceKeyWrong);
            return WorkspacePageResult.Status(StatusCodes.Status401Unauthorized, page);
        }

        await WorkspaceSession.SignInAsync(request.HttpContext, user);
        return new SeeOtherResult(new Uri(ReturnTo(returnTo), UriKind.Relative));
    }

    /// <summary>Where a person goes once signed in: the workspace page they asked for, else the campaigns.</summary>
    public static string ReturnTo(string? asked) => WorkspacePaths.IsOwn(asked) ? asked! : WorkspacePaths.Campaigns;
}
