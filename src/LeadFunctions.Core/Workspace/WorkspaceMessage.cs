using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>A workspace page that only says one thing (not allowed, not found, a form that expired), with a link
/// back.</summary>
public static class WorkspaceMessage
{
    private static readonly HtmlTemplate Template = new("workspace-message.liquid", typeof(Model));

    public static string Render(WorkspaceShell shell, TextId message)
    {
        var text = Texts.Get(message, shell.Language);
        var body = Template.Render(
            new Model(text, WorkspacePaths.Campaigns, Texts.Get(TextId.WorkspaceCampaigns, shell.Language))
        );
        return WorkspaceLayout.Render(shell, text, body);
    }

    private sealed record Model(string Message, string Back, string BackLabel);
}
