using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace LeadFunctions.Functions.Workspace;

/// <summary>
/// POST /api/app/imports: an upload (multipart, with the form's token) kept for its preview, then 303 to the preview.
/// The file is held to the API's import limit and media types; nothing of it is a lead or a consent decision yet.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/imports",
    Page = true,
    Summary = "Keeps an uploaded CSV for its preview."
)]
public sealed class StageImportUpload(WorkspaceGate gate, StagedImports imports)
{
    /// <summary>The largest upload form: the import's limit on the file, and room for the form around it.</summary>
    public const int MaxFormBytes = (int)CsvImporter.MaxBodyBytes + 64 * 1024;

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // As the API's import: the server's own limit above ours, so that a body over ours is read and dropped after
        // the answer, and the browser sees the page that says so instead of a dropped connection.
        UploadLimit.Raise(request, 2 * CsvImporter.MaxBodyBytes);
        if (request.ContentLength > MaxFormBytes)
        {
            // Refused unread; the session and role only decide which page says so.
            var door = await gate.OpenAsync(request, WorkspaceSection.Imports, WorkspaceRoles.Marketer);
            return door.Refusal
                ?? Refused(
                    door.Shell,
                    null,
                    null,
                    ImportUploadForm.FileField,
                    TextId.ImportsFileTooLarge,
                    StatusCodes.Status413PayloadTooLarge
                );
        }

        var visit = await gate.SubmitAsync(request, WorkspaceSection.Imports, WorkspaceRoles.Marketer, MaxFormBytes);
        if (visit.Refusal is { } refusal)
        {
            return refusal;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        string kind = form[ImportUploadForm.KindField].ToString(),
            source = form[ImportUploadForm.SourceField].ToString();
        var errors = new Dictionary<string, TextId>(StringComparer.Ordinal);
        var target = ImportUploadForm.Read(kind, source, errors);
        var file = form.Files.GetFile(ImportUploadForm.FileField);
        if (FileError(file) is { } error)
        {
            return Refused(visit.Shell, kind, source, ImportUploadForm.FileField, error.Text, error.Status, errors);
        }

        if (target is null)
        {
            return WorkspacePageResult.Status(400, ImportUploadPage.Render(visit.Shell, kind, source, errors));
        }

        string id;
        await using (var content = file!.OpenReadStream())
        {
            id = await imports.StageAsync(target, content, cancellationToken);
        }

        return new SeeOtherResult(new Uri($"{WorkspacePaths.Imports}/{id}", UriKind.Relative));
    }

    /// <summary>What is wrong with the file part, by the API's rules, and the status the API answers it with.
    /// </summary>
    private static (TextId Text, int Status)? FileError(IFormFile? file) =>
        file switch
        {
            null or { Length: 0 } => (TextId.ImportsFileMissing, StatusCodes.Status400BadRequest),
            { Length: > CsvImporter.MaxBodyBytes } => (
                TextId.ImportsFileTooLarge,
                StatusCodes.Status413PayloadTooLarge
            ),
            _ when !MediaTypeHeaderValue.TryParse(file.ContentType, out var type)
                    || !CsvMediaTypes.IsCsv(type.MediaType.Value) => (
                TextId.ImportsFileNotCsv,
                StatusCodes.Status415UnsupportedMediaType
            ),
            _ => null,
        };

    private static IResult Refused(
        WorkspaceShell shell,
        string? kind,
        string? source,
        string field,
        TextId error,
        int status,
        Dictionary<string, TextId>? others = null
    )
    {
        var errors = others ?? new Dictionary<string, TextId>(StringComparer.Ordinal);
        errors[field] = error;
        return WorkspacePageResult.Status(status, ImportUploadPage.Render(shell, kind, source, errors));
    }
}
