using System.Globalization;
using System.Text;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Functions.Dashboard;

/// <summary>
/// Writes the dashboard as one HTML page: inline CSS and inline SVG bar charts, no script and nothing fetched from
/// elsewhere. Every value, ours or an operator's or a lead's, goes through <see cref="Text"/> (HTML-encoded); markup
/// is only ever the literals in this file.
/// </summary>
public static class DashboardPage
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1d2433;background:#f6f7f9}h1{margin:0 0 .2rem}" +
        "section{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:1rem;margin:1rem 0}" +
        "h2{margin:0 0 .5rem;font-size:1.15rem}p.note{color:#5b6474;margin:.2rem 0 .6rem;font-size:.9rem}" +
        "table{border-collapse:collapse;font-size:.9rem}th,td{padding:.25rem .6rem;border-bottom:1px solid #e6e9ee;text-align:left}" +
        "td.n,th.n{text-align:right}tr.bad td{background:#fdecec}.grid{display:flex;flex-wrap:wrap;gap:1rem}.grid section{flex:1 1 22rem;margin:0}" +
        "#work.attention{border-color:#d33}#work.clear{border-color:#3a7}svg text{font-size:12px;fill:#1d2433}";

    private static readonly LifecycleStage[] FunnelStages =
        [LifecycleStage.Subscriber, LifecycleStage.Lead, LifecycleStage.Mql, LifecycleStage.Sql, LifecycleStage.Opportunity, LifecycleStage.Customer];

    public static string Render(DashboardView view, DashboardText t)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"").Append(Text(t.Language)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width\"><title>").Append(Text(t.Title)).Append("</title><style>")
            .Append(Style).Append("</style></head><body><header><h1>").Append(Text(t.Title)).Append("</h1><p class=\"note\">")
            .Append(Text(t.ReadAt)).Append(": ").Append(Text(Time(view.At))).Append("</p></header>");
        Work(html, view.Work, t);
        Funnel(html, view, t);
        html.Append("<div class=\"grid\">");
        Scores(html, view.Sample, t);
        Temperatures(html, view.Sample, t);
        html.Append("</div>");
        Mqls(html, view.RecentMqls, t);
        Campaigns(html, view.Campaigns, t);
        return html.Append("</body></html>").ToString();
    }

    private static void Work(StringBuilder html, WorkState work, DashboardText t)
    {
        html.Append("<section id=\"work\" class=\"").Append(work.NeedsAttention ? "attention" : "clear").Append("\"><h2>").Append(Text(t.Work)).Append("</h2>");
        if (!work.NeedsAttention)
        {
            html.Append("<p>").Append(Text(t.AllClear)).Append("</p>");
        }

        if (work.StorageFailure is { } failure)
        {
            html.Append("<p>").Append(Text(t.StorageDown)).Append(' ').Append(Text(failure)).Append("</p>");
        }

        html.Append("<p id=\"uncertain\">").Append(Text(t.UncertainSends)).Append(": <strong>").Append(Text(Number(work.UncertainSends))).Append("</strong></p>");
        html.Append("<p id=\"failed\">").Append(Text(t.FailedSends)).Append(": <strong>").Append(Text(Number(work.FailedSends))).Append("</strong></p>");
        if (work.Queues.Count > 0)
        {
            Header(html, t.Queue, (t.Waiting, true), (t.Poison, true), (t.OldestWait, true));
            foreach (var queue in work.Queues)
            {
                html.Append(queue.Poisoned > 0 || queue.Overdue ? "<tr class=\"bad\">" : "<tr>");
                Cell(html, queue.Queue);
                Cell(html, Number(queue.Waiting), numeric: true);
                Cell(html, Number(queue.Poisoned), numeric: true);
                Cell(html, (queue.OldestWait is { } wait ? Duration(wait) : "—") + (queue.Overdue ? $" ({t.Overdue})" : string.Empty), numeric: true);
                html.Append("</tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>");
    }

    private static void Funnel(StringBuilder html, DashboardView view, DashboardText t)
    {
        html.Append("<section id=\"funnel\"><h2>").Append(Text(t.Funnel)).Append("</h2><p class=\"note\">")
            .Append(Text(string.Format(CultureInfo.InvariantCulture, t.FunnelNote, view.FromMonth))).Append("</p>");
        var totals = FunnelStages.Select(s => new Bar(t.Stages[s], view.Funnel.Sum(g => g.Reached.GetValueOrDefault(s.ToApiName())), "#3f6fb5")).ToList();
        totals.Add(new Bar(t.Stages[LifecycleStage.Disqualified], view.Funnel.Sum(g => g.Disqualified), "#8a8f99"));
        Chart(html, t.Total, totals);
        if (view.Funnel.Count > 0)
        {
            Header(html, t.Source, [.. FunnelStages.Append(LifecycleStage.Disqualified).Select(s => (t.Stages[s], true))]);
            foreach (var group in view.Funnel)
            {
                html.Append("<tr>");
                Cell(html, group.Key);
                foreach (var stage in FunnelStages)
                {
                    Cell(html, Number(group.Reached.GetValueOrDefault(stage.ToApiName())), numeric: true);
                }

                Cell(html, Number(group.Disqualified), numeric: true);
                html.Append("</tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>");
    }

    private static void Scores(StringBuilder html, LeadSample sample, DashboardText t)
    {
        html.Append("<section id=\"scores\"><h2>").Append(Text(t.Scores)).Append("</h2>");
        SampleNote(html, sample, t);
        Chart(html, t.Scores, [.. sample.ScoreBands.Select(b => new Bar(b.To is { } to ? $"{Number(b.From)}–{Number(to)}" : $"{Number(b.From)}+", b.Count, "#3f6fb5"))]);
        html.Append("</section>");
    }

    private static void Temperatures(StringBuilder html, LeadSample sample, DashboardText t)
    {
        html.Append("<section id=\"temperatures\"><h2>").Append(Text(t.Temperatures)).Append("</h2>");
        SampleNote(html, sample, t);
        Chart(html, t.Temperatures, [.. Enum.GetValues<Temperature>().Select(k => new Bar(t.TemperatureNames[k], sample.Temperatures.GetValueOrDefault(k), Color(k)))]);
        html.Append("</section>");
    }

    private static void SampleNote(StringBuilder html, LeadSample sample, DashboardText t) =>
        html.Append("<p class=\"note\">").Append(Text(string.Format(CultureInfo.InvariantCulture, sample.Complete ? t.SampleAll : t.SamplePart, Number(sample.Read)))).Append("</p>");

    private static void Mqls(StringBuilder html, RecentMqls mqls, DashboardText t)
    {
        html.Append("<section id=\"mqls\"><h2>").Append(Text(t.RecentMqls)).Append("</h2><p class=\"note\">")
            .Append(Text(string.Format(CultureInfo.InvariantCulture, mqls.Complete ? t.MqlsAll : t.MqlsPart, Number(mqls.Read)))).Append("</p>");
        if (mqls.Leads.Count == 0)
        {
            html.Append("<p>").Append(Text(t.None)).Append("</p></section>");
            return;
        }

        Header(html, t.Name, (t.Company, false), (t.Source, false), (t.Score, true), (t.Temperatures, false), (t.LastChange, false));
        foreach (var lead in mqls.Leads)
        {
            html.Append("<tr>");
            Cell(html, lead.Name ?? "—");
            Cell(html, lead.Company ?? "—");
            Cell(html, lead.Source);
            Cell(html, Number(lead.Score), numeric: true);
            Cell(html, t.TemperatureNames[lead.Temperature]);
            Cell(html, Time(lead.UpdatedAt));
            html.Append("</tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void Campaigns(StringBuilder html, IReadOnlyList<CampaignLine> campaigns, DashboardText t)
    {
        html.Append("<section id=\"campaigns\"><h2>").Append(Text(t.Campaigns)).Append("</h2>");
        if (campaigns.Count == 0)
        {
            html.Append("<p>").Append(Text(t.None)).Append("</p></section>");
            return;
        }

        var metrics = Enum.GetValues<CampaignMetric>();
        Header(html, t.Campaign, [.. metrics.Select(m => (t.Metrics[m], true))]);
        foreach (var campaign in campaigns)
        {
            html.Append("<tr>");
            Cell(html, $"{campaign.Name} ({campaign.Id}, {(campaign.Active ? t.Active : t.Inactive)})");
            foreach (var metric in metrics)
            {
                Cell(html, Number(campaign.Totals.GetValueOrDefault(metric)), numeric: true);
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static string Color(Temperature temperature) => temperature switch
    {
        Temperature.Hot => "#d9453b",
        Temperature.Warm => "#e0a030",
        _ => "#4a7bd0",
    };

    private sealed record Bar(string Label, long Value, string Color);

    /// <summary>Horizontal bars scaled to the largest value; the colours are this file's constants.</summary>
    private static void Chart(StringBuilder html, string title, IReadOnlyList<Bar> bars)
    {
        const int LabelWidth = 150, BarWidth = 300, Row = 24;
        var max = Math.Max(1, bars.Max(b => b.Value));
        var height = bars.Count * Row;
        html.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{LabelWidth + BarWidth + 60}\" height=\"{height}\" role=\"img\" aria-label=\""))
            .Append(Text(title)).Append("\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var y = i * Row;
            var width = (int)Math.Round(BarWidth * (double)Math.Max(0, bars[i].Value) / max);
            html.Append(Invariant($"<text x=\"0\" y=\"{y + 16}\">")).Append(Text(bars[i].Label)).Append("</text>")
                .Append(Invariant($"<rect x=\"{LabelWidth}\" y=\"{y + 4}\" width=\"{width}\" height=\"16\" fill=\"{bars[i].Color}\"></rect>"))
                .Append(Invariant($"<text x=\"{LabelWidth + width + 6}\" y=\"{y + 16}\">")).Append(Text(Number(bars[i].Value))).Append("</text>");
        }

        html.Append("</svg>");
    }

    private static void Header(StringBuilder html, string first, params (string Name, bool Numeric)[] rest)
    {
        html.Append("<table><thead><tr><th>").Append(Text(first)).Append("</th>");
        foreach (var (name, numeric) in rest)
        {
            html.Append(numeric ? "<th class=\"n\">" : "<th>").Append(Text(name)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
    }

    private static void Cell(StringBuilder html, string value, bool numeric = false) =>
        html.Append(numeric ? "<td class=\"n\">" : "<td>").Append(Text(value)).Append("</td>");

    /// <summary>The one way a value reaches the page.</summary>
    private static string Text(string value) => Html.Encode(value);

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan wait) => Invariant($"{(long)wait.TotalHours}:{wait.Minutes:00}:{wait.Seconds:00}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
