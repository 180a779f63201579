using LeadFunctions.Core.Reports;

namespace LeadFunctions.Core.Dashboard;

/// <summary>
/// What the operator dashboard shows, read at <see cref="At"/>; rendered by <see cref="DashboardPage"/>.
/// </summary>
/// <param name="FromMonth">The first month of the funnel (yyyy-MM); the last is the current one.</param>
/// <param name="Funnel">Per source, from the funnel counters (<see cref="FunnelReport"/>).</param>
public sealed record DashboardView(
    DateTimeOffset At,
    string FromMonth,
    IReadOnlyList<FunnelGroup> Funnel,
    LeadSample Sample,
    RecentMqls RecentMqls,
    IReadOnlyList<CampaignLine> Campaigns,
    WorkState Work
);
