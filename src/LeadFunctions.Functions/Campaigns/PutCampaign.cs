using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>
/// PUT /api/campaigns/{id}[?confirm=renamed-steps][&amp;missed=send|skip]: validate, then create (201 + Location) or
/// replace (200) the whole definition (<see cref="CampaignEditor"/>). Steps are known by id, so a replaced campaign
/// never re-sends a step (EnrollmentSteps); a running campaign's sent step seemingly renamed is refused (409) unless
/// confirmed, and a paused one switched on with sends held needs ?missed= (409 without). A PUT also brings an
/// archived campaign back: the definition sent is the one in force.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "put",
    Route = "campaigns/{id}",
    Summary = "Create or replace a nurture campaign; steps keep their ids, so editing a running campaign never "
        + "re-sends a step. Dropping a step sent to someone while adding another is refused (409) unless "
        + "?confirm=renamed-steps; switching a paused campaign with held sends on needs ?missed=send or "
        + "?missed=skip (409 without).",
    BodyExample = """
        { "name": "Fair follow-up", "active": true, "priority": 10,
          "trigger": { "stageEntered": ["lead"], "sources": ["fair"] },
          "audience": { "stages": ["subscriber", "lead"], "sources": ["fair"], "minScore": 0 },
          "steps": [
            { "id": "welcome", "delay": "PT0S", "subject": "Hoş geldiniz {{ lead.firstName }}",
              "html": "<p>Merhaba {{ lead.firstName }}</p>", "text": "Merhaba {{ lead.firstName }}" },
            { "id": "case-study", "delay": "P2D", "subject": "Bir müşteri hikâyesi", "html": "<p>…</p>",
              "text": "…" } ],
          "stopWhen": { "stages": ["sql", "opportunity", "customer", "disqualified"], "events": ["demo_request"] },
          "sendWindow": { "from": "09:00", "to": "18:00", "days": ["Mon", "Tue", "Wed", "Thu", "Fri"] } }
        """,
    Problems = new[] { StatusCodes.Status409Conflict }
)]
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
                saved.Reason,
                "A step that was sent seems renamed."
            ),
            CampaignSaveOutcome.MissedSendsUnsaid => Problems.Conflict(
                saved.Reason,
                "Say what becomes of the held sends."
            ),
            CampaignSaveOutcome.Replaced => CampaignDocument.Answer(saved.Campaign!),

            // The campaign's address is the one just PUT to.
            _ => CampaignDocument.Created($"{request.PathBase}{request.Path}", saved.Campaign!),
        };
    }
}
