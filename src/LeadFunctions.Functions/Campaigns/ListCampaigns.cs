using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>GET /api/campaigns[?includeArchived=true]: every campaign, by id.</summary>
[HttpFunction(AuthorizationLevel.Function, "get", Route = "campaigns", Summary = "List the campaigns.")]
public sealed class ListCampaigns(ICampaignStore store)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var query = new QueryParameters(request.Query);
        var includeArchived = query.Flag("includeArchived");
        if (!query.IsValid)
        {
            return query.Refusal;
        }

        var campaigns = await store.ListAsync(cancellationToken);
        var items = campaigns
            .Where(c => includeArchived || !c.Archived)
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .Select(CampaignDocument.Of)
            .ToList();
        return TypedResults.Json(new { items }, CampaignDocument.WriteOptions);
    }
}
