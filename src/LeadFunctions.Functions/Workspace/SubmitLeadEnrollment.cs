using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>
/// POST /api/app/leads/{id}/enrollments (sales): enrolls the lead in the chosen campaign by hand. One lead is one
/// write, so it is done at once by <see cref="HandEnrollment"/> (what the API's queued enrollment runs: once per
/// campaign, only when the audience matches), and the page can say whether the lead went in.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/leads/{id}/enrollments",
    Page = true,
    Summary = "Enroll a lead in a campaign from the workspace's lead page."
)]
public sealed class SubmitLeadEnrollment(WorkspaceGate gate, HandEnrollment enrollment, LeadFileReader reader)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var visit = await gate.SubmitAsync(
            request,
            WorkspaceSection.Leads,
            WorkspaceRoles.Sales,
            back: LeadDetailPage.PathOf(id)
        );
        if (visit.Refusal is { } refusal)
        {
            return refusal;
        }

        if (!LeadId.IsWellFormed(id))
        {
            return LeadPageAnswer.NotFound(visit.Shell);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var campaign = form[LeadDetailPage.CampaignField].FirstOrDefault();
        var summary = string.IsNullOrEmpty(campaign)
            ? null
            : await enrollment.RunAsync(new CampaignEnrollmentRequest(campaign, [id], null), cancellationToken);
        return summary switch
        {
            { Unknown: > 0 } => LeadPageAnswer.NotFound(visit.Shell),
            { Enrolled: > 0 } => LeadPageAnswer.Done(id, LeadPageNotice.Enrolled),
            { Skipped: > 0 } => LeadPageAnswer.Done(id, LeadPageNotice.NotEnrolled),

            // None chosen, or a campaign that is not there or is archived.
            _ => await LeadPageAnswer.ShowAsync(
                reader,
                visit.Shell,
                id,
                LeadPageNotice.Invalid(LeadDetailPage.CampaignField, TextId.LeadsCampaignRule, campaign),
                StatusCodes.Status400BadRequest,
                cancellationToken
            ),
        };
    }
}
