using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>What the campaign page's switches (pause, activate, archive) share: the door for a marketer's form, and
/// the way back to the campaign page saying what was done.</summary>
internal static class CampaignSwitchForm
{
    public static async Task<IResult> RunAsync(
        WorkspaceGate gate,
        HttpRequest request,
        string id,
        string done,
        Func<IFormCollection, Task<CampaignSwitched>?> change
    )
    {
        var visit = await gate.SubmitAsync(request, WorkspaceSection.Campaigns, WorkspaceRoles.Marketer);
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        if (!CampaignValidator.IsValidId(id))
        {
            return WorkspaceGate.NotFound(visit.Shell);
        }

        // Only a form not made by the page leaves out what it asks.
        if (change(form) is not { } changing)
        {
            return WorkspaceGate.Expired(visit.Shell);
        }

        var switched = await changing;
        return switched.Outcome == CampaignSwitchOutcome.NotFound
            ? WorkspaceGate.NotFound(visit.Shell)
            : new SeeOtherResult(new Uri($"{WorkspacePaths.Campaign(id)}?done={done}", UriKind.Relative));
    }
}
