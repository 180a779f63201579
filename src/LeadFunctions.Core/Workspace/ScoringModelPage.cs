using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// The admin's scoring model page: the model as the API's JSON in one field, saved through the same validator as
/// PUT /api/scoring-model, its errors listed by the part of the model they name.
/// </summary>
public static class ScoringModelPage
{
    private static readonly HtmlTemplate Template = new("workspace-scoring.liquid", typeof(Model), typeof(Problem));

    public static string Render(
        WorkspaceShell shell,
        string json,
        IReadOnlyDictionary<string, string[]> errors,
        bool saved
    )
    {
        var body = Template.Render(
            new Model(
                shell.T,
                WorkspaceShell.TokenField,
                shell.Token,
                json,
                saved,
                [
                    .. FieldMessages
                        .In(shell.Language, errors)
                        .OrderBy(e => e.Key, StringComparer.Ordinal)
                        .Select(e => new Problem(e.Key, string.Join(" ", e.Value))),
                ]
            )
        );
        return WorkspaceLayout.Render(shell, Texts.Get(TextId.WorkspaceScoring, shell.Language), body);
    }

    private sealed record Model(
        IReadOnlyDictionary<string, string> T,
        string TokenField,
        string Token,
        string Json,
        bool Saved,
        IReadOnlyList<Problem> Problems
    );

    private sealed record Problem(string Field, string Message);
}
