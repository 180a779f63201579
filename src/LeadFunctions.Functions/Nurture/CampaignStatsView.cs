using System.Text.Json;
using System.Text.Json.Serialization;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Functions.Nurture;

/// <summary>
/// The stats route's answer: the campaign's totals and each step's, counters named in camelCase ("spamReports"); a
/// step's also say how many took each branch of a wait or a condition ("then", "else", "timedOut", "on"), and a wait's
/// or a condition's <c>branches</c> name each branch as the journey does ("then", "timeout", "webinar_missed" …).
/// Steps in the campaign's order, then steps removed since that still have counts; then sends, opens and clicks per UTC
/// day (<see cref="DailyCounts"/>).
/// </summary>
public sealed record CampaignStatsView(
    string CampaignId,
    IReadOnlyDictionary<string, long> Totals,
    IReadOnlyList<StepStatsView> Steps,
    IReadOnlyList<DailyCounts> Days
)
{
    public static CampaignStatsView From(CampaignResult result)
    {
        var (campaign, stats, days) = result;
        return new(
            campaign.Id,
            Named(stats.Totals, CampaignMetrics.Totals),
            [.. result.StepOrder.Select(id => Step(stats, id, campaign.Steps.FirstOrDefault(s => s.Id == id)))],
            days
        );
    }

    private static StepStatsView Step(CampaignStats stats, string id, CampaignStep? step) =>
        new(
            id,
            step is not null,
            Named(stats.Steps.GetValueOrDefault(id) ?? Empty, Enum.GetValues<CampaignMetric>()),
            Variants(step, stats.Variants.GetValueOrDefault(id))
        )
        {
            Branches = step is { IsEmail: false } ? stats.Branches(step) : null,
        };

    private static readonly IReadOnlyDictionary<CampaignMetric, long> Empty = new Dictionary<CampaignMetric, long>();

    /// <summary>Each variant of the step as it is now (with its switch), then variants removed that have counts; null
    /// for a step without variants.</summary>
    private static IReadOnlyList<VariantStatsView>? Variants(
        CampaignStep? step,
        IReadOnlyDictionary<string, IReadOnlyDictionary<CampaignMetric, long>>? counted
    )
    {
        var ids = (step?.Variants.Select(v => v.Id) ?? [])
            .Concat((counted?.Keys ?? []).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return ids.Count == 0
            ? null
            :
            [
                .. ids.Select(id => new VariantStatsView(
                    id,
                    step?.Variants.FirstOrDefault(v => v.Id == id)?.Active ?? false,
                    Named(counted?.GetValueOrDefault(id) ?? Empty, CampaignMetrics.Totals)
                )),
            ];
    }

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

/// <summary>One step's counters; <see cref="InCampaign"/> is false for a step removed since it was sent; an A/B step's
/// counters per variant; a wait's or a condition's per branch, by name (<see
/// cref="CampaignStats.Branches"/>).</summary>
public sealed record StepStatsView(
    string Id,
    bool InCampaign,
    IReadOnlyDictionary<string, long> Counts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        IReadOnlyList<VariantStatsView>? Variants = null
)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, long>? Branches { get; init; }
}

/// <summary>One A/B variant's counters; <see cref="Active"/> is whether it is switched on now.</summary>
public sealed record VariantStatsView(string Id, bool Active, IReadOnlyDictionary<string, long> Counts);
