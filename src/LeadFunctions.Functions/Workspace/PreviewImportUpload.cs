using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>
/// GET /api/app/imports/{id}[?encoding=&amp;delimiter=&amp;column-N=]: a kept upload read as the import would with
/// the choices in the query (none: all detected). A GET, as it changes nothing; 400 when the import would refuse
/// the file or a choice is not one offered.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = "app/imports/{id}",
    Page = true,
    Summary = "The preview of an uploaded CSV, with the encoding, delimiter and columns chosen in the query."
)]
public sealed class PreviewImportUpload(WorkspaceGate gate, StagedImports imports)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var visit = await gate.OpenAsync(request, WorkspaceSection.Imports, WorkspaceRoles.Marketer);
        if (visit.Refusal is { } refusal)
        {
            return refusal;
        }

        var values = ImportPages.ValuesOf(request.Query);
        var (choices, errors) = ImportChoiceForm.Read(values);
        var staged = StagedImports.IsId(id) ? await imports.PreviewAsync(id, choices, cancellationToken) : null;
        if (staged is null)
        {
            return await ImportPages.GoneAsync(visit.Shell, imports, id, cancellationToken);
        }

        var html = ImportPreviewPage.Render(visit.Shell, id, staged, values, errors);
        return errors.Count > 0 || staged.File.Errors.Count > 0 || staged.File.Stopped is not null
            ? WorkspacePageResult.Status(StatusCodes.Status400BadRequest, html)
            : WorkspacePageResult.Ok(html);
    }
}
