using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>
/// PUT /api/campaigns/{id}[?confirm=renamed-steps][&amp;missed=send|skip]: validate, then create (201 + Location) or
/// replace (200) the whole definition (<see cref="CampaignEditor"/>). Steps are known by id, so a replaced campaign
/// never re-sends a step (EnrollmentSteps); a running campaign's sent step seemingly renamed is refused (409) unless
/// confirmed, and a paused one switched on with sends held needs ?missed= (409 without). A PUT also brings an
/// archived campaign back: the definition sent is the one in force.
/// </summary>
[HttpFunction(AuthorizationLevel.Function, "put", Route = "campaigns/{id}")]
public sealed class PutCampaign(CampaignEditor editor)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (document, refusal) = await CampaignDocument.ReadAsync(request, cancellationToken);
        if (document is null)
        {
            return refusal!;
        }

        var query = new QueryParameters(request.Query);
        var edit = new CampaignEdit(id, document, document.Id, query.Text("confirm"), query.Text("missed"));
        var saved = await editor.SaveAsync(edit, cancellationToken);
        return saved.Outcome switch
        {
            CampaignSaveOutcome.Invalid => Problems.Invalid(saved.Errors!),
            CampaignSaveOutcome.RenamedSentStep => Problems.Conflict(
                saved.Reason, "A step that was sent seems renamed."),
            CampaignSaveOutcome.MissedSendsUnsaid => Problems.Conflict(
                saved.Reason, "Say what becomes of the held sends."),
            CampaignSaveOutcome.Replaced => CampaignDocument.Answer(saved.Campaign!),

            // The campaign's address is the one just PUT to.
            _ => CampaignDocument.Created($"{request.PathBase}{request.Path}", saved.Campaign!),
        };
    }
}
