using LeadFunctions.Core.Nurture;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>POST /api/app/campaigns/{id}/test: "Send me a test" (<see cref="CampaignTestSend"/>), then back to the
/// preview saying where it went, or the preview again saying why it did not.</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/campaigns/{id}/test",
    Page = true,
    Summary = "Send a test of a campaign's email to an address."
)]
public sealed class SendCampaignTest(WorkspaceGate gate, CampaignTestSend tests, CampaignPreviewForm preview)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var visit = await gate.SubmitAsync(
            request,
            WorkspaceSection.Campaigns,
            WorkspaceRoles.Marketer,
            back: $"{WorkspacePaths.Campaign(id)}/preview"
        );
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var chosen = CampaignPreviewForm.Read(name => form[name].FirstOrDefault());
        var to = form["to"].FirstOrDefault() ?? string.Empty;
        var sent = chosen.Step is null
            ? new TestSendOutcome(TestSendResult.NotFound)
            : await tests.SendAsync(id, chosen.Lead, chosen.Step, chosen.Language, to, cancellationToken);
        var language = visit.Shell.Language;
        return sent.Result switch
        {
            TestSendResult.Sent => new SeeOtherResult(new Uri(Back(id, chosen, sent.Detail!), UriKind.Relative)),
            TestSendResult.BadAddress => await preview.ShowAsync(
                visit.Shell,
                id,
                chosen with
                {
                    Failed = Texts.Get(TextId.PreviewBadAddress, language),
                },
                StatusCodes.Status400BadRequest,
                cancellationToken
            ),
            TestSendResult.Failed => await preview.ShowAsync(
                visit.Shell,
                id,
                chosen with
                {
                    Failed = Texts.Format(TextId.PreviewSendFailed, language, sent.Detail ?? string.Empty),
                },
                StatusCodes.Status502BadGateway,
                cancellationToken
            ),
            _ => WorkspaceGate.NotFound(visit.Shell),
        };
    }

    private static string Back(string id, CampaignPreviewPage.Choices chosen, string sentTo)
    {
        var query = new Dictionary<string, string?>
        {
            ["step"] = chosen.Step,
            ["lead"] = chosen.Lead,
            ["language"] = chosen.Language,
            ["sent"] = sentTo,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            $"{WorkspacePaths.Campaign(id)}/preview",
            query.Where(p => p.Value is not null)
        );
    }
}
