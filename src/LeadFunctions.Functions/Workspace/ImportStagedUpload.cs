using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>
/// POST /api/app/imports/{id}: imports a kept upload with the choices its preview showed (the form's hidden fields),
/// by the API's importer, then 303 to its result. A file the import refuses stores nothing and comes back as its
/// preview with the reasons (400).
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/imports/{id}",
    Page = true,
    Summary = "Imports an uploaded CSV with the choices previewed."
)]
public sealed class ImportStagedUpload(WorkspaceGate gate, StagedImports imports)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var visit = await gate.SubmitAsync(request, WorkspaceSection.Imports, WorkspaceRoles.Marketer);
        if (visit.Refusal is { } refusal)
        {
            return refusal;
        }

        var values = ImportPages.ValuesOf(await request.ReadFormAsync(cancellationToken));
        var (choices, errors) = ImportChoiceForm.Read(values);
        string? stopped = null;
        if (StagedImports.IsId(id) && errors.Count == 0)
        {
            var outcome = await imports.ImportAsync(id, choices, cancellationToken);
            if (outcome?.Status == CsvImportStatus.Imported)
            {
                return new SeeOtherResult(new Uri(ImportResultPage.ResultPath(id), UriKind.Relative));
            }

            stopped = outcome?.Detail;
        }

        var staged = StagedImports.IsId(id) ? await imports.PreviewAsync(id, choices, cancellationToken) : null;
        return staged is null
            ? await ImportPages.GoneAsync(visit.Shell, imports, id, cancellationToken)
            : WorkspacePageResult.Status(
                StatusCodes.Status400BadRequest,
                ImportPreviewPage.Render(visit.Shell, id, staged, values, errors, stopped)
            );
    }
}
