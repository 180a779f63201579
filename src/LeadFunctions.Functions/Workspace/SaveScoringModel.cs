using LeadFunctions.Core.Scoring;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>POST /api/app/scoring: an admin saves the scoring model (as PUT /api/scoring-model: the same JSON, the
/// same validator); a model that does not hold is shown again with its errors and nothing is stored.</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/scoring",
    Page = true,
    Summary = "Save the scoring model from the workspace (admin)."
)]
public sealed class SaveScoringModel(WorkspaceGate gate, ScoringModelSource models)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var visit = await gate.SubmitAsync(request, WorkspaceSection.Scoring, WorkspaceRoles.Admin);
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        var json = (await request.ReadFormAsync(cancellationToken))["model"].FirstOrDefault() ?? string.Empty;
        var (model, error) = ScoringModelJson.Read(json);
        var errors = model is null
            ? new Dictionary<string, string[]> { ["model"] = [error!] }
            : ScoringModelValidator.Validate(model);
        if (model is null || errors.Count > 0)
        {
            return WorkspacePageResult.Status(
                StatusCodes.Status400BadRequest,
                ScoringModelPage.Render(visit.Shell, json, errors, saved: false)
            );
        }

        await models.SaveAsync(model, cancellationToken);
        return new SeeOtherResult(new Uri(WorkspacePaths.Scoring + "?done=saved", UriKind.Relative));
    }
}
