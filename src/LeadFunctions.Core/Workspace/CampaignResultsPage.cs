using System.Globalization;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// A campaign's results page: its state and switches, per step the funnel sent → delivered → opened → clicked with
/// rates and what else happened (unsubscribes, bounces, spam reports, converted, uncertain …), the branches its waits
/// and conditions took (a wait's own per event of its "on" too), each A/B variant, and sends, opens and clicks per day
/// for the last 30 days as a chart with its table.
/// </summary>
public static class CampaignResultsPage
{
    private const int BarWidth = 260,
        DayWidth = 19,
        ChartHeight = 120;

    private static readonly HtmlTemplate Template = new(
        "workspace-campaign.liquid",
        typeof(Model),
        typeof(Figure),
        typeof(StepModel),
        typeof(FunnelBar),
        typeof(VariantModel),
        typeof(DayModel),
        typeof(ChartModel),
        typeof(ColumnModel)
    );

    private static readonly CampaignMetric[] Funnel =
    [
        CampaignMetric.Sent,
        CampaignMetric.Delivered,
        CampaignMetric.Opened,
        CampaignMetric.Clicked,
    ];

    private static readonly CampaignMetric[] Others =
    [
        CampaignMetric.Unsubscribed,
        CampaignMetric.Bounced,
        CampaignMetric.SpamReports,
        CampaignMetric.Converted,
        CampaignMetric.Uncertain,
        CampaignMetric.Failed,
        CampaignMetric.Missed,
    ];

    private static readonly CampaignMetric[] Headline =
    [
        CampaignMetric.Enrolled,
        CampaignMetric.Sent,
        CampaignMetric.Delivered,
        CampaignMetric.Opened,
        CampaignMetric.Clicked,
        CampaignMetric.Converted,
        CampaignMetric.Unsubscribed,
        CampaignMetric.Bounced,
        CampaignMetric.SpamReports,
        CampaignMetric.Uncertain,
    ];

    /// <param name="done">What the person just did here, to confirm (a <see cref="TextId"/>), or null.</param>
    public static string Render(WorkspaceShell shell, CampaignResult result, TextId? done)
    {
        var t = new LeadLabels(shell.Language);
        var campaign = result.Campaign;
        var summary = new CampaignSummary(campaign, result.Stats.Totals);
        var path = WorkspacePaths.Campaign(campaign.Id);
        var body = Template.Render(
            new Model(
                shell.T,
                WorkspaceShell.TokenField,
                shell.Token,
                campaign.Id,
                path,
                summary.State.ToString().ToLowerInvariant(),
                t[StateText(summary.State)],
                campaign.SpamBrake is null ? string.Empty : t[TextId.CampaignsSpamBrake],
                done is { } d ? t[d] : string.Empty,
                shell.User?.Can(WorkspaceRoles.Marketer) == true,
                [.. Headline.Select(m => new Figure(t.Metric(m), PageValues.Count(summary[m])))],
                [.. result.StepOrder.Select(id => Step(result, id, t))],
                Chart(result.Days, t)
            )
        );
        return WorkspaceLayout.Render(shell, campaign.Name, body);
    }

    private static TextId StateText(CampaignState state) =>
        state switch
        {
            CampaignState.Active => TextId.CampaignsActive,
            CampaignState.Paused => TextId.CampaignsPaused,
            _ => TextId.CampaignsArchived,
        };

    private static StepModel Step(CampaignResult result, string id, LeadLabels t)
    {
        var step = result.Campaign.Steps.FirstOrDefault(s => s.Id == id);
        var counts = result.Step(id);
        long Count(CampaignMetric m) => counts.GetValueOrDefault(m);
        var top = Math.Max(1, Count(CampaignMetric.Sent));
        var funnel = Funnel.Select(
            (m, i) =>
                new FunnelBar(
                    t.Metric(m),
                    PageValues.Count(Count(m)),
                    i == 0
                        ? string.Empty
                        : PageValues.Rate(
                            Rate(Count(m), Count(i == 1 ? CampaignMetric.Sent : CampaignMetric.Delivered))
                        ),
                    (int)Math.Round(BarWidth * (double)Math.Min(Count(m), top) / top),
                    i * 22
                )
        );
        var branches = step is { IsEmail: false }
            ? string.Join(
                " ",
                [
                    t.Format(
                        TextId.ResultsBranches,
                        Count(CampaignMetric.Then),
                        Count(CampaignMetric.Else),
                        Count(CampaignMetric.TimedOut)
                    ),
                    .. (step.Wait?.On.Keys ?? []).Select(e =>
                        t.Format(TextId.ResultsOnBranch, e, result.Stats.Branches(step)[e])
                    ),
                ]
            )
            : string.Empty;
        var variants = (step?.Variants ?? []).Select(v =>
        {
            var c = result.Stats.Variants.GetValueOrDefault(id)?.GetValueOrDefault(v.Id);
            long Of(CampaignMetric m) => c?.GetValueOrDefault(m) ?? 0;
            return new VariantModel(
                v.Id,
                v.Active ? t[TextId.CampaignsActive] : t[TextId.CampaignsPaused],
                PageValues.Count(Of(CampaignMetric.Sent)),
                PageValues.Rate(Rate(Of(CampaignMetric.Opened), Of(CampaignMetric.Delivered))),
                PageValues.Rate(Rate(Of(CampaignMetric.Clicked), Of(CampaignMetric.Delivered)))
            );
        });
        return new StepModel(
            id,
            step is null ? t[TextId.ResultsRemoved] : t[Kind(step)],
            step is null || step.IsEmail,
            [.. funnel],
            BarWidth,
            Funnel.Length * 22,
            [.. Others.Select(m => new Figure(t.Metric(m), PageValues.Count(Count(m))))],
            branches,
            [.. variants]
        );
    }

    private static TextId Kind(CampaignStep step) =>
        step switch
        {
            { Wait: not null } => TextId.ResultsWait,
            { Condition: not null } => TextId.ResultsCondition,
            _ => TextId.ResultsEmail,
        };

    /// <summary>Delivered per sent; opened and clicked per delivered; null before there is anything to divide
    /// by.</summary>
    private static double? Rate(long part, long whole) => whole > 0 ? (double)part / whole : null;

    private static ChartModel Chart(IReadOnlyList<DailyCounts> days, LeadLabels t)
    {
        var max = Math.Max(1, days.Max(d => Math.Max(d.Sent, Math.Max(d.Opened, d.Clicked))));
        int Height(long value) => (int)Math.Round((ChartHeight - 20) * (double)value / max);
        var columns = days.Select(
            (d, i) =>
            {
                var x = i * DayWidth;
                return new ColumnModel(
                    x,
                    Height(d.Sent),
                    x + 6,
                    Height(d.Opened),
                    x + 12,
                    Height(d.Clicked),
                    ChartHeight - 4
                );
            }
        );
        var rows = days.Select(d => new DayModel(
            d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PageValues.Count(d.Sent),
            PageValues.Count(d.Opened),
            PageValues.Count(d.Clicked)
        ));
        return new ChartModel(
            days.Count * DayWidth,
            ChartHeight + 16,
            ChartHeight - 4,
            t.Format(
                TextId.ResultsChartLabel,
                days.Sum(d => d.Sent),
                days.Sum(d => d.Opened),
                days.Sum(d => d.Clicked)
            ),
            days.Count > 0 ? days[0].Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty,
            days.Count > 0 ? days[^1].Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty,
            [.. columns],
            [.. rows.Reverse()]
        );
    }

    private sealed record Model(
        IReadOnlyDictionary<string, string> T,
        string TokenField,
        string Token,
        string Id,
        string Path,
        string State,
        string StateLabel,
        string Brake,
        string Done,
        bool CanEdit,
        IReadOnlyList<Figure> Totals,
        IReadOnlyList<StepModel> Steps,
        ChartModel Chart
    );

    private sealed record Figure(string Label, string Value);

    private sealed record FunnelBar(string Label, string Value, string Rate, int Width, int Y);

    private sealed record StepModel(
        string Id,
        string Kind,
        bool HasFunnel,
        IReadOnlyList<FunnelBar> Funnel,
        int Width,
        int Height,
        IReadOnlyList<Figure> Others,
        string Branches,
        IReadOnlyList<VariantModel> Variants
    );

    private sealed record VariantModel(string Id, string State, string Sent, string OpenRate, string ClickRate);

    private sealed record ChartModel(
        int Width,
        int Height,
        int Base,
        string Label,
        string From,
        string To,
        IReadOnlyList<ColumnModel> Columns,
        IReadOnlyList<DayModel> Days
    );

    private sealed record ColumnModel(
        int SentX,
        int Sent,
        int OpenedX,
        int Opened,
        int ClickedX,
        int Clicked,
        int Base
    );

    private sealed record DayModel(string Day, string Sent, string Opened, string Clicked);
}
