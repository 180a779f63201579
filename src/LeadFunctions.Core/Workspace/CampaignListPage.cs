using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>The campaigns page: active, paused and archived campaigns, each with enrolled, sent, open and click rates
/// and converted, and a link to its results.</summary>
public static class CampaignListPage
{
    private static readonly HtmlTemplate Template = new(
        "workspace-campaigns.liquid",
        typeof(Model),
        typeof(Group),
        typeof(Row)
    );

    public static string Render(WorkspaceShell shell, IReadOnlyList<CampaignSummary> campaigns)
    {
        var t = new LeadLabels(shell.Language);
        var groups = new[]
        {
            (CampaignState.Active, TextId.CampaignsActive),
            (CampaignState.Paused, TextId.CampaignsPaused),
            (CampaignState.Archived, TextId.CampaignsArchived),
        }
            .Select(g => new Group(
                g.Item1.ToString().ToLowerInvariant(),
                t[g.Item2],
                [.. campaigns.Where(c => c.State == g.Item1).Select(c => RowOf(c, t))]
            ))
            .ToList();
        var body = Template.Render(
            new Model(
                shell.T,
                shell.User?.Can(WorkspaceRoles.Marketer) == true,
                [
                    t.Metric(CampaignMetric.Enrolled),
                    t.Metric(CampaignMetric.Sent),
                    t[TextId.CampaignsOpenRate],
                    t[TextId.CampaignsClickRate],
                    t.Metric(CampaignMetric.Converted),
                ],
                groups
            )
        );
        return WorkspaceLayout.Render(shell, t[TextId.WorkspaceCampaigns], body);
    }

    private static Row RowOf(CampaignSummary summary, LeadLabels t) =>
        new(
            WorkspacePaths.Campaign(summary.Campaign.Id),
            summary.Campaign.Name,
            summary.Campaign.Id,
            summary.Campaign.SpamBrake is null ? string.Empty : t[TextId.CampaignsSpamBrake],
            [
                PageValues.Count(summary[CampaignMetric.Enrolled]),
                PageValues.Count(summary[CampaignMetric.Sent]),
                PageValues.Rate(summary.OpenRate),
                PageValues.Rate(summary.ClickRate),
                PageValues.Count(summary[CampaignMetric.Converted]),
            ]
        );

    private sealed record Model(
        IReadOnlyDictionary<string, string> T,
        bool CanEdit,
        IReadOnlyList<string> Columns,
        IReadOnlyList<Group> Groups
    );

    private sealed record Group(string Id, string Title, IReadOnlyList<Row> Rows);

    private sealed record Row(string Link, string Name, string Id, string Note, IReadOnlyList<string> Values);
}
