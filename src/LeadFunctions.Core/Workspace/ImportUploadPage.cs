using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>The imports page: a form to upload a lead list or a consent file for its preview, with each field's
/// error after a try that was refused.</summary>
public static class ImportUploadPage
{
    private static readonly HtmlTemplate Template = new("workspace-imports.liquid", typeof(Model), typeof(Option));

    /// <param name="kind">The kind as last sent (the select's value), or null.</param>
    /// <param name="source">The source as last sent, or null.</param>
    /// <param name="errors">Each field's error (<see cref="ImportUploadForm"/>'s field names).</param>
    public static string Render(
        WorkspaceShell shell,
        string? kind,
        string? source,
        IReadOnlyDictionary<string, TextId> errors
    )
    {
        var t = shell.T;
        var kinds = ImportUploadForm
            .Kinds.Select(k => new Option(k.Value, Texts.Get(k.Label, shell.Language), k.Value == kind))
            .ToList();
        string Error(string field) =>
            errors.TryGetValue(field, out var id) ? Texts.Get(id, shell.Language) : string.Empty;
        var body = Template.Render(
            new Model(
                t,
                WorkspaceShell.TokenField,
                shell.Token,
                WorkspacePaths.Imports,
                kinds,
                source ?? string.Empty,
                Error(ImportUploadForm.KindField),
                Error(ImportUploadForm.SourceField),
                Error(ImportUploadForm.FileField)
            )
        );
        return WorkspaceLayout.Render(shell, Texts.Get(TextId.WorkspaceImports, shell.Language), body);
    }

    private sealed record Model(
        IReadOnlyDictionary<string, string> T,
        string TokenField,
        string Token,
        string Action,
        IReadOnlyList<Option> Kinds,
        string Source,
        string KindError,
        string SourceError,
        string FileError
    );
}

/// <summary>An option of a select on an import page.</summary>
internal sealed record Option(string Value, string Label, bool Selected);
