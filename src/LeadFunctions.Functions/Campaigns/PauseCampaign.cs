using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>POST /api/campaigns/{id}/pause: no more sends (held as they fall due, no lead rewritten) until
/// resumed.</summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "post",
    Route = "campaigns/{id}/pause",
    Summary = "Pause a campaign: its due sends are held (no lead rewritten, nothing sent) until it is resumed.",
    Problems = new[] { StatusCodes.Status409Conflict }
)]
public sealed class PauseCampaign(CampaignSwitch campaigns)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        CampaignSwitchAnswer.Of(id, await campaigns.PauseAsync(id, cancellationToken), StatusCodes.Status200OK);
}
