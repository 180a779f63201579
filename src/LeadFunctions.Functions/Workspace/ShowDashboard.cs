using LeadFunctions.Core.Dashboard;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>GET /api/app/dashboard: the operator's dashboard in the workspace (the same sections as GET
/// /api/dashboard, which keeps working for bookmarks with the key).</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = "app/dashboard",
    Page = true,
    Summary = "The dashboard in the workspace."
)]
public sealed class ShowDashboard(WorkspaceGate gate, DashboardBuilder dashboard)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var visit = await gate.OpenAsync(request, WorkspaceSection.Dashboard);
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        var body = DashboardPage.RenderBody(await dashboard.BuildAsync(cancellationToken), visit.Shell.Language);
        var title = Texts.Get(TextId.DashboardTitle, visit.Shell.Language);
        return WorkspacePageResult.Ok(WorkspaceLayout.Render(visit.Shell, title, body));
    }
}
