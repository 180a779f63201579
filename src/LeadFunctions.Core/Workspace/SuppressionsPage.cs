using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// The admin's suppressions page: look an address up (it is kept only as a hash) and lift its suppression, and the
/// newest suppressions by hash, reason, time and evidence.
/// </summary>
public static class SuppressionsPage
{
    private static readonly HtmlTemplate Template = new("workspace-suppressions.liquid", typeof(Model), typeof(Row));

    /// <param name="email">The address looked up, as typed; empty when none.</param>
    /// <param name="suppressed">Whether it is suppressed; null when none was looked up or it is not an
    /// address.</param>
    /// <param name="notice">What the person just did, or why the address could not be looked up; empty for
    /// none.</param>
    public static string Render(
        WorkspaceShell shell,
        string email,
        bool? suppressed,
        string notice,
        bool noticeIsError,
        IReadOnlyList<Suppression> newest
    )
    {
        var t = new Leads.LeadLabels(shell.Language);
        var body = Template.Render(
            new Model(
                shell.T,
                WorkspaceShell.TokenField,
                shell.Token,
                email,
                suppressed is not null,
                suppressed == true,
                suppressed is null
                    ? string.Empty
                    : t[suppressed.Value ? TextId.SuppressionsYes : TextId.SuppressionsNo],
                notice,
                noticeIsError,
                [
                    .. newest.Select(s => new Row(
                        s.Hash[..12] + "…",
                        t[Enum.Parse<TextId>("SuppressionReason" + s.Reason)],
                        PageValues.UtcMinute(s.At),
                        s.Evidence ?? string.Empty
                    )),
                ]
            )
        );
        return WorkspaceLayout.Render(shell, t[TextId.WorkspaceSuppressions], body);
    }

    private sealed record Model(
        IReadOnlyDictionary<string, string> T,
        string TokenField,
        string Token,
        string Email,
        bool LookedUp,
        bool Suppressed,
        string Answer,
        string Notice,
        bool NoticeIsError,
        IReadOnlyList<Row> Newest
    );

    private sealed record Row(string Hash, string Reason, string At, string Evidence);
}
