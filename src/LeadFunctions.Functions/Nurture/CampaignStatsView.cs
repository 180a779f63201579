using System.Text.Json;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Functions.Nurture;

/// <summary>
/// The stats route's answer: the campaign's totals and each step's, counters named in camelCase ("spamReports"); a
/// step's also say how many took each branch of a wait or a condition ("then", "else", "timedOut").
/// Steps in the campaign's order, then steps removed since that still have counts.
/// </summary>
public sealed record CampaignStatsView(
    string CampaignId,
    IReadOnlyDictionary<string, long> Totals,
    IReadOnlyList<StepStatsView> Steps
)
{
    public static CampaignStatsView From(Campaign campaign, CampaignStats stats)
    {
        var order = campaign
            .Steps.Select(s => s.Id)
            .Concat(stats.Steps.Keys.Where(k => campaign.Steps.All(s => s.Id != k)).Order(StringComparer.Ordinal));
        return new(
            campaign.Id,
            Named(stats.Totals, CampaignMetrics.Totals),
            [
                .. order.Select(id => new StepStatsView(
                    id,
                    campaign.Steps.Any(s => s.Id == id),
                    Named(stats.Steps.GetValueOrDefault(id) ?? Empty, Enum.GetValues<CampaignMetric>())
                )),
            ]
        );
    }

    private static readonly IReadOnlyDictionary<CampaignMetric, long> Empty = new Dictionary<CampaignMetric, long>();

    private static Dictionary<string, long> Named(
        IReadOnlyDictionary<CampaignMetric, long> counts,
        IEnumerable<CampaignMetric> metrics
    ) =>
        metrics.ToDictionary(
            m => JsonNamingPolicy.CamelCase.ConvertName(m.ToString()),
            m => counts.GetValueOrDefault(m),
            StringComparer.Ordinal
        );
}

/// <summary>One step's counters; <see cref="InCampaign"/> is false for a step removed since it was sent.</summary>
public sealed record StepStatsView(string Id, bool InCampaign, IReadOnlyDictionary<string, long> Counts);
