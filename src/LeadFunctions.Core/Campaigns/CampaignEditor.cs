using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// Saving a campaign (PUT /api/campaigns/{id}): the definition validated, stamped with the time and stored, and the
/// campaign catalog told to read again; with the two edits that need the caller's word. A running campaign
/// (stored, active, not archived) whose new version drops a step already sent to someone while adding another looks
/// like a renamed step: steps are known by id, so everyone past the old one would get the new one; refused unless
/// confirmed. A paused campaign switched back on with sends held needs <see cref="MissedSends"/>, as a resume does.
/// </summary>
public sealed class CampaignEditor(
    ICampaignStore store,
    ICampaignCatalog catalog,
    ICampaignStats stats,
    IDueSendIndex index,
    ICampaignResumeQueue queue,
    TimeProvider time
)
{
    public const string ConfirmRenamedSteps = "renamed-steps";

    /// <summary>
    /// Saves <paramref name="edit"/>, or says why not: its field errors, or the word it needs from the caller.
    /// </summary>
    public async Task<CampaignSaved> SaveAsync(CampaignEdit edit, CancellationToken cancellationToken)
    {
        if (edit.NamedId is not null && edit.NamedId != edit.Id)
        {
            return CampaignSaved.Invalid(
                new Dictionary<string, string[]> { ["id"] = ["Must be the id in the route, or left out."] }
            );
        }

        var validated = CampaignValidator.Validate(edit.Id, edit.Definition);
        var errors = new Dictionary<string, string[]>(validated.Errors);
        if (!string.IsNullOrEmpty(edit.Confirm) && edit.Confirm != ConfirmRenamedSteps)
        {
            errors["confirm"] = [$"\"{ConfirmRenamedSteps}\", or left out."];
        }

        var missed = MissedChoice.Parse(edit.Missed);
        if (!string.IsNullOrEmpty(edit.Missed) && missed is null)
        {
            errors["missed"] = [MissedChoice.Rule];
        }

        if (validated.Value is null || errors.Count > 0)
        {
            return CampaignSaved.Invalid(errors);
        }

        var campaign = validated.Value with { UpdatedAt = time.GetUtcNow() };
        return await SaveAsync(campaign, edit.Confirm == ConfirmRenamedSteps, missed, cancellationToken);
    }

    /// <summary>Stores a valid <paramref name="campaign"/> as it is, unless the edit needs the caller's word.</summary>
    internal async Task<CampaignSaved> SaveAsync(
        Campaign campaign,
        bool confirmRenamedSteps,
        MissedSends? missed,
        CancellationToken cancellationToken
    )
    {
        var stored = await store.GetAsync(campaign.Id, cancellationToken);
        if (stored is not null && KindChanges(stored, campaign) is { Count: > 0 } changed)
        {
            return CampaignSaved.Invalid(changed);
        }

        if (
            stored is { Active: true, Archived: false }
            && !confirmRenamedSteps
            && await RenamedSentStepAsync(stored, campaign, cancellationToken) is { } renamed
        )
        {
            return new CampaignSaved(CampaignSaveOutcome.RenamedSentStep, campaign, renamed, null);
        }

        var resumes = stored is { Active: false, Archived: false } && campaign.Active;
        if (resumes && missed is null && (await index.ReadHeldAsync(campaign.Id, 1, cancellationToken)).Count > 0)
        {
            return new CampaignSaved(
                CampaignSaveOutcome.MissedSendsUnsaid,
                campaign,
                $"Campaign {campaign.Id} is paused with sends held: say what becomes of them with ?missed=send or "
                    + $"?missed=skip (or POST /api/campaigns/{campaign.Id}/resume).",
                null
            );
        }

        // An edit that leaves the campaign paused keeps what the spam brake said.
        campaign = campaign with { SpamBrake = campaign.Active ? null : stored?.SpamBrake };
        var created = await store.PutAsync(campaign, cancellationToken);
        if (resumes || missed is not null)
        {
            // Also with none held when it was read: a host whose cache still saw it paused may hold one now.
            await queue.EnqueueAsync(
                new CampaignResume(campaign.Id, missed ?? MissedSends.Send, time.GetUtcNow()),
                TimeSpan.Zero,
                cancellationToken
            );
        }

        catalog.Invalidate();
        return new CampaignSaved(
            created ? CampaignSaveOutcome.Created : CampaignSaveOutcome.Replaced,
            campaign,
            null,
            null
        );
    }

    /// <summary>
    /// Steps whose id names another kind of step than before (an email now a wait …): people on it would take the
    /// new step for the old one (a wait's timeout sending the email), so a step keeps its kind; a new kind takes a new
    /// id.
    /// </summary>
    private static Dictionary<string, string[]> KindChanges(Campaign stored, Campaign updated)
    {
        static string Kind(CampaignStep step) =>
            step.Wait is not null ? "a wait"
            : step.Condition is not null ? "a condition"
            : "an email";
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < updated.Steps.Count; i++)
        {
            if (
                stored.Steps.FirstOrDefault(s => s.Id == updated.Steps[i].Id) is { } before
                && Kind(before) != Kind(updated.Steps[i])
            )
            {
                errors[$"steps[{i}].id"] =
                [
                    $"'{before.Id}' is {Kind(before)}: a step keeps its kind "
                        + $"(give {Kind(updated.Steps[i])} another id).",
                ];
            }
        }

        return errors;
    }

    /// <summary>Why the edit looks like a renamed step that was sent, or null when it does not.</summary>
    private async Task<string?> RenamedSentStepAsync(
        Campaign stored,
        Campaign updated,
        CancellationToken cancellationToken
    )
    {
        var kept = updated.Steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var dropped = stored.Steps.Select(s => s.Id).Where(id => !kept.Contains(id)).ToList();
        var added = updated.Steps.Select(s => s.Id).Where(id => stored.Steps.All(s => s.Id != id)).ToList();
        if (dropped.Count == 0 || added.Count == 0)
        {
            return null;
        }

        var counts = await stats.ReadAsync(stored.Id, cancellationToken);
        var sent = dropped.FirstOrDefault(id =>
            counts.Steps.GetValueOrDefault(id)?.GetValueOrDefault(CampaignMetric.Sent) > 0
        );
        if (sent is null)
        {
            return null;
        }

        var count = counts.Steps[sent][CampaignMetric.Sent];
        return $"Step '{sent}' was sent to {count} {(count == 1 ? "person" : "people")} and is not in the new "
            + $"version, which adds '{string.Join("', '", added)}': "
            + $"if '{sent}' was renamed, everyone past it would get the new step as one they never had. Keep the "
            + $"step's id, or send ?confirm=renamed-steps to save anyway.";
    }
}

public enum CampaignSaveOutcome
{
    /// <summary>Refused: the definition, or what was said with it, has field errors.</summary>
    Invalid,

    Created,
    Replaced,

    /// <summary>Refused: a step sent to someone is dropped while another is added (unconfirmed).</summary>
    RenamedSentStep,

    /// <summary>Refused: a paused campaign with held sends switched on without saying what becomes of them.</summary>
    MissedSendsUnsaid,
}

/// <summary>
/// The outcome, the campaign as validated (null when invalid) and, for a refusal, why or which fields.
/// </summary>
public sealed record CampaignSaved(
    CampaignSaveOutcome Outcome,
    Campaign? Campaign,
    string? Reason,
    IReadOnlyDictionary<string, string[]>? Errors
)
{
    public static CampaignSaved Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(CampaignSaveOutcome.Invalid, null, null, errors);
}
