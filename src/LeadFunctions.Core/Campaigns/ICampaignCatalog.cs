namespace LeadFunctions.Core.Campaigns;

/// <summary>The campaigns as the pipeline sees them: read often (every lead change, every send), so served from a
/// cache.</summary>
public interface ICampaignCatalog
{
    /// <summary>Every campaign that is active and not archived.</summary>
    ValueTask<IReadOnlyList<Campaign>> ActiveAsync(CancellationToken cancellationToken);

    /// <summary>One campaign, archived or inactive too.</summary>
    ValueTask<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Forgets what was read, after a campaign was written, so the next question reads again.</summary>
    void Invalidate();
}
