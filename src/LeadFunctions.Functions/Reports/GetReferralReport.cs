using LeadFunctions.Core.Referrals;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadFunctions.Functions.Reports;

/// <summary>
/// GET /api/reports/referrals: referrers, most customers first, each with the people they referred by stage. Reads the
/// referral index (a row per referred person), never the leads.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "get",
    Route = "reports/referrals",
    Summary = "Who referred whom, and how many of their referrals became customers."
)]
public sealed class GetReferralReport(IReferralIndex referrals)
{
    public async Task<Ok<ReferralReportView>> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var all = await referrals.ListAsync(cancellationToken).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ReferralReportView(ReferralReport.Build(all)));
    }
}

public sealed record ReferralReportView(IReadOnlyList<ReferrerSummary> Items);
