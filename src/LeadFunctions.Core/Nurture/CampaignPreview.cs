using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Nurture;

/// <summary>A campaign's step rendered for a lead as it would be sent; nothing is sent or stored.</summary>
public sealed class CampaignPreview(ICampaignCatalog campaigns, ILeadStore leads, NurtureRenderer renderer)
{
    public async Task<CampaignPreviewed> RenderAsync(
        string campaignId,
        string leadId,
        string stepId,
        CancellationToken cancellationToken
    )
    {
        if (await campaigns.FindAsync(campaignId, cancellationToken) is not { } campaign)
        {
            return CampaignPreviewed.NotFound("The campaign");
        }

        if (!LeadId.IsWellFormed(leadId) || await leads.FindAsync(leadId, cancellationToken) is not { } found)
        {
            return CampaignPreviewed.NotFound("The lead");
        }

        // A wait or a condition sends nothing to show.
        if (campaign.Steps.FirstOrDefault(s => s.Id == stepId && s.IsEmail) is not { } step)
        {
            return CampaignPreviewed.NotFound($"The email step '{stepId}'");
        }

        // As the lead's first entry into the campaign would get it: the link of that send, the variant it picks.
        var sendId = NurtureSender.SendId(found.Lead.Id, campaign.Id, step.Id, 0);
        var (asSent, _) = StepVariants.For(step, found.Lead.Id, campaign.Id, 0);
        return new CampaignPreviewed(await renderer.RenderAsync(campaign, asSent, found.Lead, sendId), null);
    }
}

/// <summary>The rendered email, or which of the campaign, the lead and the step was not found.</summary>
public sealed record CampaignPreviewed(RenderedEmail? Email, string? Missing)
{
    public static CampaignPreviewed NotFound(string what) => new(null, what);
}
