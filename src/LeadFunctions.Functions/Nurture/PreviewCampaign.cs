using LeadFunctions.Adapters;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Nurture;

/// <summary>POST /api/campaigns/{id}/preview {"leadId","step"}: a step rendered for a lead as it would be sent; nothing is sent or stored.</summary>
[HttpFunction(
    AuthorizationLevel.Function, "post", Route = "campaigns/{id}/preview",
    Summary = "Render a step for a lead without sending: subject, HTML and text.",
    BodyExample = """
        { "leadId": "3f2a9c1e5b7d4e0f8a6b2c1d9e8f7a6b", "step": "welcome" }
        """)]
public sealed class PreviewCampaign(ICampaignCatalog campaigns, ILeadStore leads, NurtureRenderer renderer)
{
    private const int MaxBodyBytes = 4 * 1024;

    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (document, refusal) = await JsonBody.ReadObjectAsync(request, MaxBodyBytes, maxDepth: 4, cancellationToken);
        if (document is null)
        {
            return refusal!;
        }

        string? leadId, stepId;
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

        if (await campaigns.FindAsync(id, cancellationToken) is not { } campaign)
        {
            return Problems.NotFound("The campaign");
        }

        if (!LeadId.IsWellFormed(leadId!) || await leads.FindAsync(leadId!, cancellationToken) is not { } found)
        {
            return Problems.NotFound("The lead");
        }

        if (campaign.Steps.FirstOrDefault(s => s.Id == stepId) is not { } step)
        {
            return Problems.NotFound($"The step '{stepId}'");
        }

        var email = await renderer.RenderAsync(campaign, step, found.Lead);
        return TypedResults.Json(new PreviewView(email.Subject, email.Html, email.Text, email.Language), JsonDefaults.Options);
    }
}

/// <summary>The preview's answer.</summary>
public sealed record PreviewView(string Subject, string Html, string Text, string Language);
