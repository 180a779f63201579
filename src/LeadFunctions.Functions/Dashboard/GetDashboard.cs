using LeadFunctions.Core.Dashboard;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.Functions.Workspace;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Dashboard;

/// <summary>
/// GET /api/dashboard: the address bookmarked before the workspace, the operator's page in Turkish when the browser
/// prefers it (Accept-Language), else English. It checks its key itself, so that a wrong or missing one goes to the
/// workspace's sign-in (which comes back to the workspace's dashboard) instead of a bare 401. On Azure the worker knows
/// no keys (the host keeps them): there every visit goes to sign-in, which is Entra ID's.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = "dashboard",
    Page = true,
    Summary = "The operator's dashboard for a bookmark with ?code={function key}; else to the workspace's sign-in."
)]
public sealed class GetDashboard(DashboardBuilder dashboard, IWorkspaceKeys? keys = null)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (PresentedKey.Of(request) is not { Length: > 0 } key || keys?.UserOf(key) is null)
        {
            return WorkspaceGate.SignInThenTo(WorkspacePaths.Dashboard);
        }

        var accepted = request
            .GetTypedHeaders()
            .AcceptLanguage.Select(l => (l.Value.Value ?? string.Empty, l.Quality ?? 1.0));
        var page = DashboardPage.Render(await dashboard.BuildAsync(cancellationToken), PreferredLanguage.Of(accepted));
        // Images only as data: URLs, so nothing on the page can be fetched from elsewhere.
        return new HtmlPageResult(StatusCodes.Status200OK, page, "img-src data:");
    }
}
