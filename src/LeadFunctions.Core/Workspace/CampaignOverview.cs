using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// The campaign list: every campaign with the counters its results are made of, read as one query for the campaigns
/// and one partition per campaign (at most <see cref="MaxCampaigns"/>), whatever the number of leads.
/// </summary>
public sealed class CampaignOverview(ICampaignStore campaigns, ICampaignStats stats)
{
    /// <summary>Past this many, the list shows the first by name: each costs a read.</summary>
    public const int MaxCampaigns = 100;

    public async Task<IReadOnlyList<CampaignSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var shown = (await campaigns.ListAsync(cancellationToken))
            .OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(MaxCampaigns)
            .ToList();
        var totals = await Task.WhenAll(shown.Select(c => stats.ReadAsync(c.Id, cancellationToken)));
        return [.. shown.Zip(totals, (c, s) => new CampaignSummary(c, s.Totals))];
    }
}

/// <summary>A campaign and its totals (as GET /api/campaigns/{id}/stats counts them).</summary>
public sealed record CampaignSummary(Campaign Campaign, IReadOnlyDictionary<CampaignMetric, long> Totals)
{
    public CampaignState State =>
        Campaign switch
        {
            { Archived: true } => CampaignState.Archived,
            { Active: true } => CampaignState.Active,
            _ => CampaignState.Paused,
        };

    public long this[CampaignMetric metric] => Totals.GetValueOrDefault(metric);

    /// <summary>Opens per delivered email; null before anything was delivered.</summary>
    public double? OpenRate => Rate(CampaignMetric.Opened);

    /// <summary>Clicks per delivered email; null before anything was delivered.</summary>
    public double? ClickRate => Rate(CampaignMetric.Clicked);

    private double? Rate(CampaignMetric metric) =>
        this[CampaignMetric.Delivered] is > 0 and var delivered ? (double)this[metric] / delivered : null;
}

public enum CampaignState
{
    Active,
    Paused,
    Archived,
}
