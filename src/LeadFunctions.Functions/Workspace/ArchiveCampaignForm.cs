using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>POST /api/app/campaigns/{id}/archive: the campaign page's archive button (as DELETE
/// /api/campaigns/{id}).</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/campaigns/{id}/archive",
    Page = true,
    Summary = "Archive a campaign from its page."
)]
public sealed class ArchiveCampaignForm(WorkspaceGate gate, CampaignSwitch campaigns)
{
    public Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        CampaignSwitchForm.RunAsync(gate, request, id, "archived", _ => campaigns.ArchiveAsync(id, cancellationToken));
}
