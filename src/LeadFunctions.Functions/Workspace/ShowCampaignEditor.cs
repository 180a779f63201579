using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>GET /api/app/campaigns/{id}/edit: the editor with the campaign as it is.</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = "app/campaigns/{id}/edit",
    Page = true,
    Summary = "The campaign editor."
)]
public sealed class ShowCampaignEditor(WorkspaceGate gate, ICampaignStore store, CampaignEditorForm editor)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var visit = await gate.OpenAsync(request, WorkspaceSection.Campaigns, WorkspaceRoles.Marketer);
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        return CampaignValidator.IsValidId(id) && await store.GetAsync(id, cancellationToken) is { } campaign
            ? await editor.ShowAsync(visit.Shell, CampaignForm.Of(campaign, visit.Shell.Language), cancellationToken)
            : WorkspaceGate.NotFound(visit.Shell);
    }
}
