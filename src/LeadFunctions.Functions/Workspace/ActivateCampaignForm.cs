using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>POST /api/app/campaigns/{id}/activate: the campaign page's activate button, saying what becomes of the
/// emails held while it was paused (as POST /api/campaigns/{id}/resume).</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/campaigns/{id}/activate",
    Page = true,
    Summary = "Activate or resume a campaign from its page."
)]
public sealed class ActivateCampaignForm(WorkspaceGate gate, CampaignSwitch campaigns)
{
    public Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        CampaignSwitchForm.RunAsync(gate, request, id, "activated", form =>
            MissedChoice.Parse(form["missed"].FirstOrDefault()) is { } missed
                ? campaigns.ResumeAsync(id, missed, cancellationToken)
                : null
        );
}
