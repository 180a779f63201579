using LeadFunctions.Core.Scoring;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>GET /api/app/scoring[?done=saved]: the admin's scoring model page (as GET /api/scoring-model).</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = "app/scoring",
    Page = true,
    Summary = "The workspace's scoring model page (admin)."
)]
public sealed class ShowScoringModel(WorkspaceGate gate, ScoringModelSource models)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var visit = await gate.OpenAsync(request, WorkspaceSection.Scoring, WorkspaceRoles.Admin);
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        var model = (await models.GetScorerAsync(cancellationToken)).Model;
        var saved = request.Query["done"].FirstOrDefault() == "saved";
        return WorkspacePageResult.Ok(
            ScoringModelPage.Render(
                visit.Shell,
                ScoringModelJson.Write(model),
                new Dictionary<string, string[]>(),
                saved
            )
        );
    }
}
