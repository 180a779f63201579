using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>
/// DELETE /api/campaigns/{id}: archives rather than deletes, since enrollments and stats still name the campaign;
/// an archived campaign enrolls and sends nothing and leaves the list unless asked for
/// (<see cref="CampaignSwitch.ArchiveAsync"/>).
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "delete",
    Route = "campaigns/{id}",
    Summary = "Archive a campaign: no new enrollments and no further sends."
)]
public sealed class ArchiveCampaign(CampaignSwitch campaigns)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        (await campaigns.ArchiveAsync(id, cancellationToken)).Outcome == CampaignSwitchOutcome.NotFound
            ? Problems.NotFound("The campaign")
            : TypedResults.NoContent();
}
