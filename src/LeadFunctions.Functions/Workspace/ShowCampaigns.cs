using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>GET /api/app/campaigns: the campaigns, active, paused and archived, with their results in short.</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = "app/campaigns",
    Page = true,
    Summary = "The workspace's campaign list."
)]
public sealed class ShowCampaigns(WorkspaceGate gate, CampaignOverview overview)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var visit = await gate.OpenAsync(request, WorkspaceSection.Campaigns);
        return visit.Refusal
            ?? WorkspacePageResult.Ok(
                CampaignListPage.Render(visit.Shell, await overview.ListAsync(cancellationToken))
            );
    }
}
