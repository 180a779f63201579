using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>GET /api/app/imports: the form to upload a lead list or a consent file for its preview.</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = "app/imports",
    Page = true,
    Summary = "The workspace's upload form for imports."
)]
public sealed class ShowImports(WorkspaceGate gate)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var visit = await gate.OpenAsync(request, WorkspaceSection.Imports, WorkspaceRoles.Marketer);
        return visit.Refusal
            ?? WorkspacePageResult.Ok(
                ImportUploadPage.Render(visit.Shell, null, null, new Dictionary<string, Core.Text.TextId>())
            );
    }
}
