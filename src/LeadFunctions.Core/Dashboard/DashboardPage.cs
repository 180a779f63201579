using System.Globalization;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Dashboard;

/// <summary>
/// Writes the dashboard as one HTML page (Text/Templates/dashboard.liquid) in Turkish or English: this class turns
/// the view into the page's strings and the charts' geometry; the template HTML-encodes every one of them.
/// </summary>
public static class DashboardPage
{
    private const int LabelWidth = 150,
        BarWidth = 300,
        Row = 24;

    private static readonly HtmlTemplate Body = new("dashboard-body.liquid", DashboardPageModel.Types);

    private static readonly HtmlTemplate Page = new("dashboard.liquid", typeof(PageModel));

    private static readonly LifecycleStage[] FunnelStages =
    [
        LifecycleStage.Subscriber,
        LifecycleStage.Lead,
        LifecycleStage.Mql,
        LifecycleStage.Sql,
        LifecycleStage.Opportunity,
        LifecycleStage.Customer,
    ];

    /// <summary>The dashboard as a page of its own (GET /api/dashboard).</summary>
    /// <param name="language">A language of <see cref="Texts.Languages"/>; any other reads English.</param>
    public static string Render(DashboardView view, string language)
    {
        var known = Texts.Languages.Contains(language) ? language : Texts.Fallback;
        return Page.Render(new PageModel(known, Texts.ByName(known), RenderBody(view, known)));
    }

    /// <summary>The dashboard's sections, for its own page and for the workspace's.</summary>
    public static string RenderBody(DashboardView view, string language)
    {
        var t = new LeadLabels(language);
        var sample = view.Sample;
        var mqls = view.RecentMqls;
        return Body.Render(
            new DashboardPageModel(
                Texts.Languages.Contains(language) ? language : Texts.Fallback,
                Texts.ByName(language),
                PageValues.UtcMinute(view.At),
                Work(view.Work, t),
                t.Format(TextId.DashboardFunnelNote, view.FromMonth),
                FunnelChart(view, t),
                FunnelTable(view, t),
                t.Format(
                    sample.Complete ? TextId.DashboardSampleAll : TextId.DashboardSamplePart,
                    PageValues.Count(sample.Read)
                ),
                ScoreChart(sample, t),
                TemperatureChart(sample, t),
                t.Format(
                    mqls.Complete ? TextId.DashboardMqlsAll : TextId.DashboardMqlsPart,
                    PageValues.Count(mqls.Read)
                ),
                Mqls(mqls, t),
                Campaigns(view.Campaigns, t)
            )
        );
    }

    private sealed record PageModel(string Language, IReadOnlyDictionary<string, string> T, string Body);

    private static WorkModel Work(WorkState work, LeadLabels t)
    {
        var headers = Headers(
            t[TextId.DashboardQueue],
            (t[TextId.DashboardWaiting], true),
            (t[TextId.DashboardPoison], true),
            (t[TextId.DashboardOldestWait], true)
        );
        var rows = work.Queues.Select(queue => new RowModel(
            queue.Poisoned > 0 || queue.Overdue,
            [
                Cell(queue.Queue),
                Cell(PageValues.Count(queue.Waiting), numeric: true),
                Cell(PageValues.Count(queue.Poisoned), numeric: true),
                Cell(
                    (queue.OldestWait is { } wait ? Duration(wait) : "—")
                        + (queue.Overdue ? $" ({t[TextId.DashboardOverdue]})" : string.Empty),
                    numeric: true
                ),
            ]
        ));
        return new WorkModel(
            work.NeedsAttention,
            work.StorageFailure ?? string.Empty,
            PageValues.Count(work.UncertainSends),
            PageValues.Count(work.FailedSends),
            new TableModel(headers, [.. rows])
        );
    }

    private static ChartModel FunnelChart(DashboardView view, LeadLabels t)
    {
        var reached = FunnelStages.Select(s => new Bar(
            t.Stage(s),
            view.Funnel.Sum(g => g.Reached.GetValueOrDefault(s.ToApiName())),
            "#3f6fb5"
        ));
        var disqualified = new Bar(
            t.Stage(LifecycleStage.Disqualified),
            view.Funnel.Sum(g => g.Disqualified),
            "#8a8f99"
        );
        return Chart(t[TextId.DashboardTotal], [.. reached, disqualified]);
    }

    private static TableModel FunnelTable(DashboardView view, LeadLabels t)
    {
        var stages = FunnelStages.Append(LifecycleStage.Disqualified).Select(s => (t.Stage(s), true));
        var rows = view.Funnel.Select(group => new RowModel(
            false,
            [
                Cell(group.Key),
                .. FunnelStages.Select(s =>
                    Cell(PageValues.Count(group.Reached.GetValueOrDefault(s.ToApiName())), numeric: true)
                ),
                Cell(PageValues.Count(group.Disqualified), numeric: true),
            ]
        ));
        return new TableModel(Headers(t[TextId.DashboardSource], [.. stages]), [.. rows]);
    }

    private static ChartModel ScoreChart(LeadSample sample, LeadLabels t) =>
        Chart(
            t[TextId.DashboardScores],
            [
                .. sample.ScoreBands.Select(b => new Bar(
                    b.To is { } to
                        ? $"{PageValues.Count(b.From)}–{PageValues.Count(to)}"
                        : $"{PageValues.Count(b.From)}+",
                    b.Count,
                    "#3f6fb5"
                )),
            ]
        );

    private static ChartModel TemperatureChart(LeadSample sample, LeadLabels t) =>
        Chart(
            t[TextId.DashboardTemperatures],
            [
                .. Enum.GetValues<Temperature>()
                    .Select(k => new Bar(t.Temperature(k), sample.Temperatures.GetValueOrDefault(k), Color(k))),
            ]
        );

    private static TableModel Mqls(RecentMqls mqls, LeadLabels t)
    {
        var headers = Headers(
            t[TextId.DashboardName],
            (t[TextId.DashboardCompany], false),
            (t[TextId.DashboardSource], false),
            (t[TextId.DashboardScore], true),
            (t[TextId.DashboardTemperatures], false),
            (t[TextId.DashboardLastChange], false)
        );
        var rows = mqls.Leads.Select(lead => new RowModel(
            false,
            [
                Cell(lead.Name ?? "—"),
                Cell(lead.Company ?? "—"),
                Cell(lead.Source),
                Cell(PageValues.Count(lead.Score), numeric: true),
                Cell(t.Temperature(lead.Temperature)),
                Cell(PageValues.UtcMinute(lead.UpdatedAt)),
            ]
        ));
        return new TableModel(headers, [.. rows]);
    }

    private static TableModel Campaigns(IReadOnlyList<CampaignLine> campaigns, LeadLabels t)
    {
        var metrics = CampaignMetrics.Totals;
        var headers = Headers(t[TextId.DashboardCampaign], [.. metrics.Select(m => (t.Metric(m), true))]);
        var rows = campaigns.Select(campaign => new RowModel(
            false,
            [
                Cell($"{campaign.Name} ({campaign.Id}, {State(campaign, t)})"),
                .. metrics.Select(m => Cell(PageValues.Count(campaign.Totals.GetValueOrDefault(m)), numeric: true)),
            ]
        ));
        return new TableModel(headers, [.. rows]);
    }

    private static string State(CampaignLine campaign, LeadLabels t) =>
        campaign switch
        {
            { Active: true } => t[TextId.DashboardActive],
            { SpamBrake: { } brake } => t.Format(TextId.DashboardSpamBrake, brake.SpamReports, brake.Deliveries),
            _ => t[TextId.DashboardInactive],
        };

    private static string Color(Temperature temperature) =>
        temperature switch
        {
            Temperature.Hot => "#d9453b",
            Temperature.Warm => "#e0a030",
            _ => "#4a7bd0",
        };

    private sealed record Bar(string Label, long Value, string Color);

    /// <summary>Horizontal bars scaled to the largest value; the colours are this file's constants.</summary>
    private static ChartModel Chart(string title, IReadOnlyList<Bar> bars)
    {
        var max = Math.Max(1, bars.Max(b => b.Value));
        var shown = bars.Select(
            (bar, i) =>
            {
                var width = (int)Math.Round(BarWidth * (double)Math.Max(0, bar.Value) / max);
                var top = i * Row;
                return new BarModel(
                    bar.Label,
                    PageValues.Count(bar.Value),
                    bar.Color,
                    top + 16,
                    top + 4,
                    width,
                    LabelWidth + width + 6
                );
            }
        );
        return new ChartModel(title, LabelWidth + BarWidth + 60, bars.Count * Row, LabelWidth, [.. shown]);
    }

    private static CellModel[] Headers(string first, params (string Name, bool Numeric)[] rest) =>
        [Cell(first), .. rest.Select(h => Cell(h.Name, h.Numeric))];

    private static CellModel Cell(string text, bool numeric = false) => new(text, numeric);

    private static string Duration(TimeSpan wait) =>
        string.Create(CultureInfo.InvariantCulture, $"{(long)wait.TotalHours}:{wait.Minutes:00}:{wait.Seconds:00}");
}
