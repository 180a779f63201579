namespace LeadFunctions.Core.Workspace;

/// <summary>The person a workspace session belongs to: a name to show and what they may do.</summary>
public sealed record WorkspaceUser(string Name, WorkspaceRoles Roles)
{
    public bool Can(WorkspaceRoles role) => role != WorkspaceRoles.None && (Roles & role) == role;
}
