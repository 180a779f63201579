using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Dashboard;

/// <summary>
/// The newest MQLs by their last change, of the MQL-stage leads read (one page; <see cref="Complete"/> when that
/// was all of them).
/// </summary>
public sealed record RecentMqls(int Read, bool Complete, IReadOnlyList<RecentMql> Leads)
{
    public static RecentMqls Of(LeadPage page, int count) =>
        new(
            page.Leads.Count,
            page.ContinuationToken is null,
            [
                .. page
                    .Leads.OrderByDescending(l => l.UpdatedAt)
                    .Take(count)
                    .Select(l => new RecentMql(
                        l.Id,
                        l.FullName(),
                        l.Company,
                        l.Source,
                        l.Score.Total,
                        l.Temperature,
                        l.UpdatedAt
                    )),
            ]
        );
}
