using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>
/// The preview page's reading, shared by showing it (GET) and by a test send that went wrong (shown again with why):
/// the campaign, at most <see cref="Found"/> leads whose email begins with what was typed, and the step rendered
/// for the person chosen.
/// </summary>
public sealed class CampaignPreviewForm(ICampaignCatalog campaigns, ILeadQuery leads, CampaignPreview preview)
{
    /// <summary>Leads offered for a search: one page of the query, whatever the number of leads.</summary>
    public const int Found = 10;

    public async Task<IResult> ShowAsync(
        WorkspaceShell shell,
        string campaignId,
        CampaignPreviewPage.Choices chosen,
        int status,
        CancellationToken cancellationToken
    )
    {
        if (
            !CampaignValidator.IsValidId(campaignId)
            || await campaigns.FindAsync(campaignId, cancellationToken) is not { } campaign
        )
        {
            return WorkspaceGate.NotFound(shell);
        }

        var step =
            chosen.Step is { } s && campaign.Steps.Any(x => x.Id == s && x.IsEmail)
                ? s
                : campaign.Steps.FirstOrDefault(x => x.IsEmail)?.Id;
        var found = string.IsNullOrWhiteSpace(chosen.Search)
            ? []
            : (
                await leads.ListAsync(
                    new LeadFilter(null, null, null, chosen.Search.Trim().ToLowerInvariant()),
                    null,
                    Found,
                    cancellationToken
                )
            ).Leads;
        var previewed = step is null
            ? null
            : await preview.RenderAsync(campaign.Id, chosen.Lead, step, chosen.Language, null, cancellationToken);
        return WorkspacePageResult.Status(
            status,
            CampaignPreviewPage.Render(shell, campaign, chosen with { Step = step }, found, previewed)
        );
    }

    /// <summary>What the page's query or form says, each part only when it is one of the choices there are.</summary>
    public static CampaignPreviewPage.Choices Read(
        Func<string, string?> value,
        string? sent = null,
        string? failed = null
    )
    {
        string? Given(string name) => value(name) is { Length: > 0 } v ? v.Trim() : null;
        var language = Given("language") is { } l && Texts.Languages.Contains(l) ? l : null;
        return new(Given("step"), Given("lead"), Given("q"), language, sent ?? Given("sent"), failed);
    }
}
