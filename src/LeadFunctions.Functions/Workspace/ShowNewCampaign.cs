using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>GET /api/app/campaigns/new: the editor for a new campaign (saved paused; activated on its page).</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = "app/campaigns/new",
    Page = true,
    Summary = "The editor for a new campaign."
)]
public sealed class ShowNewCampaign(WorkspaceGate gate, CampaignEditorForm editor)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var visit = await gate.OpenAsync(request, WorkspaceSection.Campaigns, WorkspaceRoles.Marketer);
        return visit.Refusal ?? await editor.ShowAsync(visit.Shell, CampaignForm.New(), cancellationToken);
    }
}
