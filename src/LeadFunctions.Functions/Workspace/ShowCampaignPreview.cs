using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>GET /api/app/campaigns/{id}/preview[?step=&amp;q=&amp;lead=&amp;language=]: preview a step for a person,
/// and the test send's form.</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = "app/campaigns/{id}/preview",
    Page = true,
    Summary = "Preview a campaign's email for a lead or a sample person."
)]
public sealed class ShowCampaignPreview(WorkspaceGate gate, CampaignPreviewForm preview)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var visit = await gate.OpenAsync(request, WorkspaceSection.Campaigns, WorkspaceRoles.Marketer);
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        var chosen = CampaignPreviewForm.Read(name => request.Query[name].FirstOrDefault());
        return await preview.ShowAsync(visit.Shell, id, chosen, StatusCodes.Status200OK, cancellationToken);
    }
}
