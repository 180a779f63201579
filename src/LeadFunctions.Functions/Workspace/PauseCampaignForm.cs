using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>POST /api/app/campaigns/{id}/pause: the campaign page's pause button (as POST
/// /api/campaigns/{id}/pause).</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/campaigns/{id}/pause",
    Page = true,
    Summary = "Pause a campaign from its page."
)]
public sealed class PauseCampaignForm(WorkspaceGate gate, CampaignSwitch campaigns)
{
    public Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        CampaignSwitchForm.RunAsync(gate, request, id, "paused", _ => campaigns.PauseAsync(id, cancellationToken));
}
