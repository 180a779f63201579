using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace LeadFunctions.Functions.Workspace;

/// <summary>What the import pages share: the choices as a form or a query sends them, and the answer for an upload
/// that is no longer kept.</summary>
internal static class ImportPages
{
    public static IReadOnlyDictionary<string, string> ValuesOf(IEnumerable<KeyValuePair<string, StringValues>> sent) =>
        sent.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);

    /// <summary>An upload no longer kept: its result when it was imported, else a 404 that says to upload again.
    /// </summary>
    public static async Task<IResult> GoneAsync(
        WorkspaceShell shell,
        StagedImports imports,
        string id,
        CancellationToken cancellationToken
    ) =>
        StagedImports.IsId(id) && await imports.ReportAsync(id, cancellationToken) is not null
            ? new SeeOtherResult(new Uri(ImportResultPage.ResultPath(id), UriKind.Relative))
            : WorkspacePageResult.Status(
                StatusCodes.Status404NotFound,
                WorkspaceMessage.Render(shell, TextId.ImportsGone)
            );
}
