using LeadFunctions.Adapters.Campaigns;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>
/// PUT /api/campaigns/{id}[?confirm=renamed-steps][&amp;missed=send|skip]: validate, then create (201 + Location) or
/// replace (200) the whole definition (<see cref="CampaignEditor"/>). Steps are known by id, so a replaced campaign
/// never re-sends a step (EnrollmentSteps); a running campaign's sent step seemingly renamed is refused (409) unless
/// confirmed, and a paused one switched on with sends held needs ?missed= (409 without). A PUT also brings an
/// archived campaign back: the definition sent is the one in force.
/// </summary>
public sealed class PutCampaignHttpFunction(CampaignEditor editor, CampaignCatalog catalog, TimeProvider time)
{
    public const string ConfirmRenamedSteps = "renamed-steps";

    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (document, refusal) = await CampaignDocument.ReadAsync(request, cancellationToken);
        if (document is null)
        {
            return refusal!;
        }

        if (document.Id is not null && document.Id != id)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["id"] = ["Must be the id in the route, or left out."] });
        }

        var validated = CampaignValidator.Validate(id, document);
        var confirm = request.Query["confirm"].ToString();
        var missed = request.Query["missed"].ToString();
        var errors = new Dictionary<string, string[]>(validated.Errors);
        if (confirm.Length > 0 && confirm != ConfirmRenamedSteps)
        {
            errors["confirm"] = [$"\"{ConfirmRenamedSteps}\", or left out."];
        }

        if (missed.Length > 0 && MissedChoice.Parse(missed) is null)
        {
            errors["missed"] = [MissedChoice.Rule];
        }

        if (validated.Value is null || errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var campaign = validated.Value with { UpdatedAt = time.GetUtcNow() };
        var saved = await editor.SaveAsync(campaign, confirm == ConfirmRenamedSteps, MissedChoice.Parse(missed), cancellationToken);
        switch (saved.Outcome)
        {
            case CampaignSaveOutcome.RenamedSentStep:
                return Problems.Conflict(saved.Reason, "A step that was sent seems renamed.");
            case CampaignSaveOutcome.MissedSendsUnsaid:
                return Problems.Conflict(saved.Reason, "Say what becomes of the held sends.");
            case CampaignSaveOutcome.Replaced:
                catalog.Invalidate();
                return CampaignDocument.Answer(campaign);
        }

        catalog.Invalidate();

        // The campaign's address is the one just PUT to.
        request.HttpContext.Response.Headers.Location = $"{request.PathBase}{request.Path}";
        return CampaignDocument.Answer(campaign, StatusCodes.Status201Created);
    }
}

/// <summary>GET /api/campaigns/{id}: one campaign as it is stored, archived ones too.</summary>
public sealed class GetCampaignHttpFunction(ICampaignStore store)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var campaign = CampaignValidator.IsValidId(id) ? await store.GetAsync(id, cancellationToken) : null;
        return campaign is null ? Problems.NotFound("The campaign") : CampaignDocument.Answer(campaign);
    }
}

/// <summary>GET /api/campaigns[?includeArchived=true]: every campaign, by id.</summary>
public sealed class ListCampaignsHttpFunction(ICampaignStore store)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var includeArchived = false;
        if (request.Query["includeArchived"] is { Count: > 0 } asked && !bool.TryParse(asked.ToString(), out includeArchived))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["includeArchived"] = ["true or false."] });
        }

        var campaigns = await store.ListAsync(cancellationToken);
        var items = campaigns.Where(c => includeArchived || !c.Archived).OrderBy(c => c.Id, StringComparer.Ordinal).Select(CampaignDocument.Of).ToList();
        return TypedResults.Json(new { items }, CampaignDocument.WriteOptions);
    }
}

/// <summary>
/// DELETE /api/campaigns/{id}: archives rather than deletes, since enrollments and stats still name the campaign;
/// an archived campaign enrolls and sends nothing and leaves the list unless asked for (<see cref="CampaignSwitch.ArchiveAsync"/>).
/// </summary>
public sealed class ArchiveCampaignHttpFunction(CampaignSwitch campaigns, CampaignCatalog catalog)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var archived = await campaigns.ArchiveAsync(id, cancellationToken);
        if (archived.Outcome == CampaignSwitchOutcome.NotFound)
        {
            return Problems.NotFound("The campaign");
        }

        catalog.Invalidate();
        return TypedResults.NoContent();
    }
}
