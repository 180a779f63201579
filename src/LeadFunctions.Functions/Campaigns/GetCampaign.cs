using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>GET /api/campaigns/{id}: one campaign as it is stored, archived ones too.</summary>
[HttpFunction(AuthorizationLevel.Function, "get", Route = "campaigns/{id}", Summary = "Read one campaign.")]
public sealed class GetCampaign(ICampaignStore store)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var campaign = CampaignValidator.IsValidId(id) ? await store.GetAsync(id, cancellationToken) : null;
        return campaign is null ? Problems.NotFound("The campaign") : CampaignDocument.Answer(campaign);
    }
}
