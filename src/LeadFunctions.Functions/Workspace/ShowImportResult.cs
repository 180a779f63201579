using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>GET /api/app/imports/{id}/result: what the import of a kept upload did, from its report (kept a
/// day).</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = "app/imports/{id}/result",
    Page = true,
    Summary = "The accepted and rejected lines of an import made in the workspace."
)]
public sealed class ShowImportResult(WorkspaceGate gate, StagedImports imports)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var visit = await gate.OpenAsync(request, WorkspaceSection.Imports, WorkspaceRoles.Marketer);
        if (visit.Refusal is { } refusal)
        {
            return refusal;
        }

        var report = StagedImports.IsId(id) ? await imports.ReportAsync(id, cancellationToken) : null;
        return report is null
            ? WorkspacePageResult.Status(
                StatusCodes.Status404NotFound,
                WorkspaceMessage.Render(visit.Shell, TextId.ImportsGone)
            )
            : WorkspacePageResult.Ok(ImportResultPage.Render(visit.Shell, id, report));
    }
}
