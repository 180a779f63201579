using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// Saving a campaign (PUT /api/campaigns/{id}) with the two edits that need the caller's word. A running campaign
/// (stored, active, not archived) whose new version drops a step already sent to someone while adding another looks
/// like a renamed step: steps are known by id, so everyone past the old one would get the new one; refused unless
/// confirmed. A paused campaign switched back on with sends held needs <see cref="MissedSends"/>, as a resume does.
/// </summary>
public sealed class CampaignEditor(ICampaignStore store, ICampaignStats stats, IDueSendIndex index, ICampaignResumeQueue queue, TimeProvider time)
{
    public async Task<CampaignSaved> SaveAsync(Campaign campaign, bool confirmRenamedSteps, MissedSends? missed, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(campaign.Id, cancellationToken);
        if (stored is { Active: true, Archived: false } && !confirmRenamedSteps && await RenamedSentStepAsync(stored, campaign, cancellationToken) is { } renamed)
        {
            return new CampaignSaved(CampaignSaveOutcome.RenamedSentStep, renamed);
        }

        var resumes = stored is { Active: false, Archived: false } && campaign.Active;
        if (resumes && missed is null && (await index.ReadHeldAsync(campaign.Id, 1, cancellationToken)).Count > 0)
        {
            return new CampaignSaved(
                CampaignSaveOutcome.MissedSendsUnsaid,
                $"Campaign {campaign.Id} is paused with sends held: say what becomes of them with ?missed=send or ?missed=skip (or POST /api/campaigns/{campaign.Id}/resume).");
        }

        var created = await store.PutAsync(campaign, cancellationToken);
        if (resumes || missed is not null)
        {
            // Also with none held when it was read: a host whose cache still saw it paused may hold one now.
            await queue.EnqueueAsync(new CampaignResume(campaign.Id, missed ?? MissedSends.Send, time.GetUtcNow()), TimeSpan.Zero, cancellationToken);
        }

        return new CampaignSaved(created ? CampaignSaveOutcome.Created : CampaignSaveOutcome.Replaced, null);
    }

    /// <summary>Why the edit looks like a renamed step that was sent, or null when it does not.</summary>
    private async Task<string?> RenamedSentStepAsync(Campaign stored, Campaign updated, CancellationToken cancellationToken)
    {
        var kept = updated.Steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var dropped = stored.Steps.Select(s => s.Id).Where(id => !kept.Contains(id)).ToList();
        var added = updated.Steps.Select(s => s.Id).Where(id => stored.Steps.All(s => s.Id != id)).ToList();
        if (dropped.Count == 0 || added.Count == 0)
        {
            return null;
        }

        var counts = await stats.ReadAsync(stored.Id, cancellationToken);
        var sent = dropped.FirstOrDefault(id => counts.Steps.GetValueOrDefault(id)?.GetValueOrDefault(CampaignMetric.Sent) > 0);
        if (sent is null)
        {
            return null;
        }

        var count = counts.Steps[sent][CampaignMetric.Sent];
        return $"Step '{sent}' was sent to {count} {(count == 1 ? "person" : "people")} and is not in the new version, which adds '{string.Join("', '", added)}': "
            + $"if '{sent}' was renamed, everyone past it would get the new step as one they never had. Keep the step's id, or send ?confirm=renamed-steps to save anyway.";
    }
}

public enum CampaignSaveOutcome
{
    Created,
    Replaced,

    /// <summary>Refused: a step sent to someone is dropped while another is added (unconfirmed).</summary>
    RenamedSentStep,

    /// <summary>Refused: a paused campaign with held sends switched on without saying what becomes of them.</summary>
    MissedSendsUnsaid,
}

/// <summary>The outcome and, for a refusal, why.</summary>
public sealed record CampaignSaved(CampaignSaveOutcome Outcome, string? Reason);
