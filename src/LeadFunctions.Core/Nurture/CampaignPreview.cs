using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Nurture;

/// <summary>
/// A campaign's step rendered for a lead (or <see cref="SamplePerson"/>) as it would be sent, in their language or one
/// asked for; nothing is sent or stored.
/// </summary>
public sealed class CampaignPreview(
    ICampaignCatalog campaigns,
    ILeadStore leads,
    NurtureRenderer renderer,
    TimeProvider time
)
{
    public Task<CampaignPreviewed> RenderAsync(
        string campaignId,
        string leadId,
        string stepId,
        CancellationToken cancellationToken
    ) => RenderAsync(campaignId, leadId, stepId, language: null, recipient: null, cancellationToken);

    /// <param name="leadId">Null: <see cref="SamplePerson"/>.</param>
    /// <param name="language">Null: the person's own.</param>
    /// <param name="recipient">For a test send: the address it goes to, whose own (not the person's) the
    /// unsubscribe link is; null for a preview.</param>
    public async Task<CampaignPreviewed> RenderAsync(
        string campaignId,
        string? leadId,
        string stepId,
        string? language,
        string? recipient,
        CancellationToken cancellationToken
    )
    {
        if (await campaigns.FindAsync(campaignId, cancellationToken) is not { } campaign)
        {
            return CampaignPreviewed.NotFound("The campaign");
        }

        var found = leadId is null ? SamplePerson(time.GetUtcNow()) : await LeadAsync(leadId, cancellationToken);
        if (found is null)
        {
            return CampaignPreviewed.NotFound("The lead");
        }

        // A wait or a condition sends nothing to show.
        if (campaign.Steps.FirstOrDefault(s => s.Id == stepId && s.IsEmail) is not { } step)
        {
            return CampaignPreviewed.NotFound($"The email step '{stepId}'");
        }

        // As the lead's first entry into the campaign would get it: the link of that send, the variant it picks.
        var lead = language is null ? found : found with { Language = language };
        if (recipient is not null)
        {
            lead = lead with { Id = LeadId.FromEmail(recipient), Email = recipient };
        }
        var sendId = NurtureSender.SendId(lead.Id, campaign.Id, step.Id, 0);
        var (asSent, _) = StepVariants.For(step, lead.Id, campaign.Id, 0);
        return new CampaignPreviewed(await renderer.RenderAsync(campaign, asSent, lead, sendId), null, lead);
    }

    /// <summary>Someone to preview for before there are leads: a made-up person with every field a template may
    /// use.</summary>
    public static Lead SamplePerson(DateTimeOffset now) =>
        new()
        {
            Id = LeadId.FromEmail(SampleEmail),
            Email = SampleEmail,
            FirstName = "Ayşe",
            LastName = "Yılmaz",
            Company = "Örnek A.Ş.",
            JobTitle = "Pazarlama Müdürü",
            Country = "TR",
            Industry = "software",
            Source = LeadSources.Default,
            CreatedAt = now,
            UpdatedAt = now,
            LastSubmittedAt = now,
        };

    public const string SampleEmail = "ayse.yilmaz@example.com";

    private async Task<Lead?> LeadAsync(string leadId, CancellationToken cancellationToken) =>
        LeadId.IsWellFormed(leadId) ? (await leads.FindAsync(leadId, cancellationToken))?.Lead : null;
}

/// <summary>The rendered email and the person it was rendered for, or which of the campaign, the lead and the step
/// was not found.</summary>
public sealed record CampaignPreviewed(RenderedEmail? Email, string? Missing, Lead? For = null)
{
    public static CampaignPreviewed NotFound(string what) => new(null, what);
}
