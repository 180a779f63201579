using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>GET /api/app/campaigns/{id}[?done=…]: a campaign's results, with its switches; <c>done</c> confirms what
/// the person just did.</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = "app/campaigns/{id}",
    Page = true,
    Summary = "A campaign's results page."
)]
public sealed class ShowCampaign(WorkspaceGate gate, CampaignResults results)
{
    private static readonly Dictionary<string, TextId> Done = new(StringComparer.Ordinal)
    {
        ["saved"] = TextId.ResultsSaved,
        ["paused"] = TextId.ResultsPaused,
        ["activated"] = TextId.ResultsActivated,
        ["archived"] = TextId.ResultsArchivedDone,
    };

    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var visit = await gate.OpenAsync(request, WorkspaceSection.Campaigns);
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        if (!CampaignValidator.IsValidId(id) || await results.ReadAsync(id, cancellationToken) is not { } result)
        {
            return WorkspaceGate.NotFound(visit.Shell);
        }

        var done = Done.TryGetValue(request.Query["done"].FirstOrDefault() ?? string.Empty, out var d)
            ? d
            : (TextId?)null;
        return WorkspacePageResult.Ok(CampaignResultsPage.Render(visit.Shell, result, done));
    }
}
