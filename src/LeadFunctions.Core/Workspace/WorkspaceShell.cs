using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// What every workspace page shares: its language, who is signed in (null on the sign-in page), which section of the
/// menu it belongs to, its own path (where the language switch comes back to) and the anti-forgery token every form
/// on it carries.
/// </summary>
public sealed record WorkspaceShell(
    string Language,
    WorkspaceUser? User,
    WorkspaceSection Section,
    string Path,
    string Token
)
{
    /// <summary>The form field the anti-forgery token travels in.</summary>
    public const string TokenField = "__lf_token";

    public IReadOnlyDictionary<string, string> T => Texts.ByName(Language);
}

/// <summary>The workspace's menu, in its order.</summary>
public enum WorkspaceSection
{
    None,
    Campaigns,
    Leads,
    Imports,
    Dashboard,
    Suppressions,
    Scoring,
}
