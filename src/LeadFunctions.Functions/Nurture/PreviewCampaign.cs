using LeadFunctions.Core.Nurture;
using LeadFunctions.Core.Text;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Nurture;

/// <summary>
/// POST /api/campaigns/{id}/preview {"leadId","step"}: a step rendered for a lead as it would be sent
/// (<see cref="CampaignPreview"/>).
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "post",
    Route = "campaigns/{id}/preview",
    Summary = "Render a step for a lead without sending: subject, HTML and text.",
    BodyExample = """
        { "leadId": "3f2a9c1e5b7d4e0f8a6b2c1d9e8f7a6b", "step": "welcome" }
        """
)]
public sealed class PreviewCampaign(CampaignPreview preview)
{
    private const int MaxBodyBytes = 4 * 1024;
    private const int MaxJsonDepth = 4;

    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (document, refusal) = await JsonBody.ReadObjectAsync(
            request,
            MaxBodyBytes,
            MaxJsonDepth,
            cancellationToken
        );
        if (document is null)
        {
            return refusal!;
        }

        string? leadId,
            stepId;
        using (document)
        {
            (leadId, stepId) = (document.RootElement.Text("leadId")?.Trim(), document.RootElement.Text("step")?.Trim());
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(leadId))
        {
            errors["leadId"] = ["Name the lead to render the step for."];
        }

        if (string.IsNullOrEmpty(stepId))
        {
            errors["step"] = ["Name the step (its id) to render."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        return await preview.RenderAsync(id, leadId!, stepId!, cancellationToken) switch
        {
            { Email: { } email } => TypedResults.Json(
                new PreviewView(email.Subject, email.Html, email.Text, email.Language),
                JsonDefaults.Options
            ),
            { Missing: var missing } => Problems.NotFound(missing!),
        };
    }
}

/// <summary>The preview's answer.</summary>
public sealed record PreviewView(string Subject, string Html, string Text, string Language);
