using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>POST /api/app/campaigns/{id}/edit: the editor's buttons for an existing campaign (save, or change the
/// form: add, move, remove a step).</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/campaigns/{id}/edit",
    Page = true,
    Summary = "Save a campaign from the editor."
)]
public sealed class SaveCampaign(WorkspaceGate gate, CampaignEditorForm editor)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var visit = await gate.SubmitAsync(request, WorkspaceSection.Campaigns, WorkspaceRoles.Marketer);
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        return CampaignValidator.IsValidId(id)
            ? await editor.SubmitAsync(visit, request, id, cancellationToken)
            : WorkspaceGate.NotFound(visit.Shell);
    }
}
