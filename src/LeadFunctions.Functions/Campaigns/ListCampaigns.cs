using LeadFunctions.Adapters.Campaigns;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>GET /api/campaigns[?includeArchived=true]: every campaign, by id.</summary>
[HttpFunction(
    AuthorizationLevel.Function, "get", Route = "campaigns",
    Summary = "List the campaigns.")]
public sealed class ListCampaigns(ICampaignStore store)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var includeArchived = false;
        if (request.Query["includeArchived"] is { Count: > 0 } asked && !bool.TryParse(asked.ToString(), out includeArchived))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["includeArchived"] = ["true or false."] });
        }

        var campaigns = await store.ListAsync(cancellationToken);
        var items = campaigns.Where(c => includeArchived || !c.Archived).OrderBy(c => c.Id, StringComparer.Ordinal).Select(CampaignDocument.Of).ToList();
        return TypedResults.Json(new { items }, CampaignDocument.WriteOptions);
    }
}
