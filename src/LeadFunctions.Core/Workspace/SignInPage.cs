using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// The sign-in page: a key box where the app checks keys itself (self-hosted), else a link to the platform's own
/// sign-in (App Service Authentication with Microsoft Entra ID on Azure).
/// </summary>
public static class SignInPage
{
    private static readonly HtmlTemplate Template = new("workspace-signin.liquid", typeof(Model));

    /// <param name="platformSignIn">Where the platform signs people in; null when the app takes keys.</param>
    /// <param name="error">What went wrong with the last try, or null.</param>
    public static string Render(WorkspaceShell shell, string returnTo, string? platformSignIn, TextId? error)
    {
        var body = Template.Render(
            new Model(
                shell.T,
                WorkspaceShell.TokenField,
                shell.Token,
                returnTo,
                error is { } e ? Texts.Get(e, shell.Language) : string.Empty,
                platformSignIn is null,
                platformSignIn ?? string.Empty
            )
        );
        return WorkspaceLayout.Render(shell, Texts.Get(TextId.WorkspaceSignIn, shell.Language), body);
    }

    private sealed record Model(
        IReadOnlyDictionary<string, string> T,
        string TokenField,
        string Token,
        string ReturnTo,
        string Error,
        bool TakesKeys,
        string PlatformSignIn
    );
}
