using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>POST /api/app/language: the language switch; the choice sticks (a cookie for a year) over the
/// browser's.</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/language",
    Page = true,
    Summary = "Choose the workspace's language (tr or en)."
)]
public sealed class ChooseLanguage(WorkspaceGate gate)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (shell, formValid) = await gate.AnonymousAsync(request);
        if (!formValid)
        {
            return WorkspaceGate.Expired(shell);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (form["language"].FirstOrDefault() is { } language && Texts.Languages.Contains(language))
        {
            request.HttpContext.Response.Cookies.Append(
                WorkspaceGate.LanguageCookie,
                language,
                new CookieOptions
                {
                    Path = WorkspacePaths.Root,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = request.IsHttps,
                    MaxAge = TimeSpan.FromDays(365),
                }
            );
        }

        return new SeeOtherResult(new Uri(SignIn.ReturnTo(form["returnTo"].FirstOrDefault()), UriKind.Relative));
    }
}
