using System.Globalization;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>What an import did, from its report (as the API answers it): the lines accepted, the lines rejected
/// with their reasons, a refresh and a way to the next file.</summary>
public static class ImportResultPage
{
    private static readonly HtmlTemplate Template = new(
        "workspace-import-result.liquid",
        typeof(Model),
        typeof(Rejection)
    );

    public static string Render(WorkspaceShell shell, string id, ImportResult report)
    {
        var language = shell.Language;
        var body = Template.Render(
            new Model(
                shell.T,
                report.ImportId,
                PageValues.Count(report.Accepted),
                PageValues.Count(report.RejectedCount),
                [
                    .. report.Rejected.Select(r => new Rejection(
                        r.Line.ToString(CultureInfo.InvariantCulture),
                        ImportPreviewPage.Problems(r.Errors, language)
                    )),
                ],
                report.RejectedCount > report.Rejected.Count
                    ? Texts.Format(TextId.ImportsFirstRejected, language, PageValues.Count(report.Rejected.Count))
                    : string.Empty,
                ResultPath(id),
                WorkspacePaths.Imports
            )
        );
        return WorkspaceLayout.Render(shell, Texts.Get(TextId.ImportsResultTitle, language), body);
    }

    /// <summary>Where the result of the import of upload <paramref name="id"/> is shown.</summary>
    public static string ResultPath(string id) => $"{WorkspacePaths.Imports}/{id}/result";

    private sealed record Model(
        IReadOnlyDictionary<string, string> T,
        string ImportId,
        string Accepted,
        string RejectedCount,
        IReadOnlyList<Rejection> Rejected,
        string FirstRejected,
        string Refresh,
        string Another
    );

    private sealed record Rejection(string Line, IReadOnlyList<string> Problems);
}
