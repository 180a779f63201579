using LeadFunctions.Core.Workspace;

namespace LeadFunctions.Functions.Workspace;

/// <summary>
/// What a key typed on the sign-in page opens. The host that checks keys provides it (the self-hosted runtime); on
/// Azure the worker never sees keys and there is none.
/// </summary>
public interface IWorkspaceKeys
{
    /// <summary>Who the key signs in (named after the key), or null for a key that is not the app's; compared in fixed
    /// time.</summary>
    WorkspaceUser? UserOf(string key);
}
