using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Dashboard;

/// <summary>A campaign that is not archived, with its totals (the counters of GET /api/campaigns/{id}/stats) and why
/// the spam brake paused it, if it did.</summary>
public sealed record CampaignLine(
    string Id,
    string Name,
    bool Active,
    IReadOnlyDictionary<CampaignMetric, long> Totals,
    SpamBrakeTrip? SpamBrake = null
);
