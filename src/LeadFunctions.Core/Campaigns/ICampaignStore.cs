namespace LeadFunctions.Core.Campaigns;

/// <summary>Where campaign definitions are kept (the Campaigns table).</summary>
public interface ICampaignStore
{
    Task<Campaign?> GetAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the campaign; true when it was new.</summary>
    Task<bool> PutAsync(Campaign campaign, CancellationToken cancellationToken);

    /// <summary>Every campaign, archived ones too (campaigns are few: one query).</summary>
    Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken cancellationToken);
}
