using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>POST /api/app/campaigns/new: the new campaign editor's buttons (save, or change the form).</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/campaigns/new",
    Page = true,
    Summary = "Create a campaign from the editor."
)]
public sealed class CreateCampaign(WorkspaceGate gate, CampaignEditorForm editor)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var visit = await gate.SubmitAsync(request, WorkspaceSection.Campaigns, WorkspaceRoles.Marketer);
        return visit.Refusal ?? await editor.SubmitAsync(visit, request, campaignId: null, cancellationToken);
    }
}
