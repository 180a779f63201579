using LeadFunctions.Core.Workspace;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>A request to the workspace once <see cref="WorkspaceGate"/> has seen it: the page's frame for the person
/// signed in, or the answer that refuses them (sign in first, not your role, a form that expired).</summary>
public sealed record WorkspaceVisit(WorkspaceShell Shell, IResult? Refusal)
{
    public WorkspaceUser User => Shell.User!;
}
