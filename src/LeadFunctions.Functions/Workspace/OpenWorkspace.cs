using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>GET /api/app: the workspace's address: its campaigns, or the sign-in page first.</summary>
[HttpFunction(AuthorizationLevel.Anonymous, "get", Route = "app", Page = true, Summary = "The workspace.")]
public sealed class OpenWorkspace(WorkspaceGate gate)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken) =>
        (await gate.OpenAsync(request, WorkspaceSection.Campaigns)).Refusal
        ?? new SeeOtherResult(new Uri(WorkspacePaths.Campaigns, UriKind.Relative));
}
