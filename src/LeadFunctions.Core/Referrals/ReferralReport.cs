using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Referrals;

/// <summary>GET /api/reports/referrals: each referrer with whom they referred, how far those got, and how many became
/// customers.</summary>
public static class ReferralReport
{
    public static IReadOnlyList<ReferrerSummary> Build(IEnumerable<Referral> referrals) =>
        [
            .. referrals
                .GroupBy(r => r.ReferrerEmail, StringComparer.Ordinal)
                .Select(g => new ReferrerSummary(
                    g.Key,
                    LeadId.FromEmail(g.Key),
                    g.Count(),
                    g.GroupBy(r => r.Stage).OrderBy(s => s.Key).ToDictionary(s => s.Key.ToApiName(), s => s.Count()),
                    g.Count(r => r.Stage == LifecycleStage.Customer),
                    [
                        .. g.OrderBy(r => r.LeadSince)
                            .Select(r => new ReferredLead(r.ReferredLeadId, r.Stage.ToApiName(), r.LeadSince)),
                    ]
                ))
                .OrderByDescending(s => s.Customers)
                .ThenByDescending(s => s.Referrals)
                .ThenBy(s => s.ReferrerEmail, StringComparer.Ordinal),
        ];
}

public sealed record ReferrerSummary(
    string ReferrerEmail,
    string ReferrerLeadId,
    int Referrals,
    IReadOnlyDictionary<string, int> ByStage,
    int Customers,
    IReadOnlyList<ReferredLead> Referred
);

public sealed record ReferredLead(string LeadId, string Stage, DateTimeOffset LeadSince);
