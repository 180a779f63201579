using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// Puts a page's body (rendered by its own template, every value encoded) into the workspace's frame
/// (Text/Templates/workspace-layout.liquid): the menu, the language switch, sign-out, its style and the one
/// script, htmx, served by the app itself.
/// </summary>
public static class WorkspaceLayout
{
    private static readonly HtmlTemplate Template = new(
        "workspace-layout.liquid",
        typeof(Model),
        typeof(MenuItem),
        typeof(LanguageChoice)
    );

    private static readonly (WorkspaceSection Section, TextId Label, string Path, WorkspaceRoles Needs)[] Menu =
    [
        (WorkspaceSection.Campaigns, TextId.WorkspaceCampaigns, WorkspacePaths.Campaigns, WorkspaceRoles.None),
        (WorkspaceSection.Leads, TextId.WorkspaceLeads, WorkspacePaths.Leads, WorkspaceRoles.None),
        (WorkspaceSection.Imports, TextId.WorkspaceImports, WorkspacePaths.Imports, WorkspaceRoles.Marketer),
        (WorkspaceSection.Dashboard, TextId.WorkspaceDashboard, WorkspacePaths.Dashboard, WorkspaceRoles.None),
        (
            WorkspaceSection.Suppressions,
            TextId.WorkspaceSuppressions,
            WorkspacePaths.Suppressions,
            WorkspaceRoles.Admin
        ),
        (WorkspaceSection.Scoring, TextId.WorkspaceScoring, WorkspacePaths.Scoring, WorkspaceRoles.Admin),
    ];

    /// <param name="body">HTML from a page template; the only markup this takes as it is.</param>
    public static string Render(WorkspaceShell shell, string title, string body)
    {
        var language = shell.Language;
        var menu = shell.User is null
            ? []
            : Menu.Where(m => m.Needs == WorkspaceRoles.None || shell.User.Can(m.Needs))
                .Select(m => new MenuItem(Texts.Get(m.Label, language), m.Path, m.Section == shell.Section))
                .ToList();
        var languages = Texts
            .Languages.Select(code => new LanguageChoice(code, Texts.Get(TextId.LanguageName, code), code == language))
            .ToList();
        return Template.Render(
            new Model(
                language,
                shell.T,
                title,
                shell.User?.Name ?? string.Empty,
                shell.User is not null,
                menu,
                languages,
                shell.Path,
                WorkspaceShell.TokenField,
                shell.Token,
                body
            )
        );
    }

    private sealed record Model(
        string Language,
        IReadOnlyDictionary<string, string> T,
        string Title,
        string UserName,
        bool SignedIn,
        IReadOnlyList<MenuItem> Menu,
        IReadOnlyList<LanguageChoice> Languages,
        string Path,
        string TokenField,
        string Token,
        string Body
    );

    private sealed record MenuItem(string Label, string Path, bool Current);

    private sealed record LanguageChoice(string Code, string Name, bool Current);
}
