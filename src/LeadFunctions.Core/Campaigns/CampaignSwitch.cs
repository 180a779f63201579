namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// Pausing, resuming and archiving a campaign (POST /api/campaigns/{id}/pause and /resume, DELETE). A paused campaign's
/// due sends are held by the nurture timer and send function without a lead write; resuming queues their release
/// (<see cref="ICampaignResumeQueue"/>), also when the campaign is active already, so that a resume whose queueing
/// failed is mended by asking again. Each switch has the campaign catalog read again.
/// </summary>
public sealed class CampaignSwitch(
    ICampaignStore store,
    ICampaignCatalog catalog,
    ICampaignResumeQueue queue,
    TimeProvider time
)
{
    /// <summary>Pauses; what the spam brake said stays (a person pausing it again does not erase why).</summary>
    public async Task<CampaignSwitched> PauseAsync(string campaignId, CancellationToken cancellationToken)
    {
        var (switched, _) = await SwitchAsync(campaignId, c => c with { Active = false }, cancellationToken);
        catalog.Invalidate();
        return switched;
    }

    /// <summary>Pauses a running campaign for the spam brake, saying why; false when it was not running.</summary>
    public async Task<bool> BrakeAsync(string campaignId, SpamBrakeTrip trip, CancellationToken cancellationToken)
    {
        var (_, changed) = await SwitchAsync(
            campaignId,
            c => c.Active ? c with { Active = false, SpamBrake = trip } : c,
            cancellationToken
        );
        catalog.Invalidate();
        return changed;
    }

    public async Task<CampaignSwitched> ResumeAsync(
        string campaignId,
        MissedSends missed,
        CancellationToken cancellationToken
    )
    {
        var (switched, _) = await SwitchAsync(
            campaignId,
            c => c with { Active = true, SpamBrake = null },
            cancellationToken
        );
        if (switched.Outcome == CampaignSwitchOutcome.Done)
        {
            await queue.EnqueueAsync(
                new CampaignResume(campaignId, missed, time.GetUtcNow()),
                TimeSpan.Zero,
                cancellationToken
            );
        }

        catalog.Invalidate();
        return switched;
    }

    /// <summary>
    /// Archives (no new enrollments, no further sends). A paused campaign's held sends are released as well, so that
    /// the send function stops each of their enrollments as it does for a send of an archived campaign.
    /// </summary>
    public async Task<CampaignSwitched> ArchiveAsync(string campaignId, CancellationToken cancellationToken)
    {
        var campaign = CampaignValidator.IsValidId(campaignId)
            ? await store.GetAsync(campaignId, cancellationToken)
            : null;
        if (campaign is null)
        {
            return new CampaignSwitched(CampaignSwitchOutcome.NotFound, null);
        }

        var archived = campaign with { Archived = true, Active = false, UpdatedAt = time.GetUtcNow() };
        await store.PutAsync(archived, cancellationToken);
        if (campaign is { Active: false, Archived: false })
        {
            await queue.EnqueueAsync(
                new CampaignResume(campaignId, MissedSends.Send, archived.UpdatedAt),
                TimeSpan.Zero,
                cancellationToken
            );
        }

        catalog.Invalidate();
        return new CampaignSwitched(CampaignSwitchOutcome.Done, archived);
    }

    /// <summary>The campaign as <paramref name="change"/> leaves it, stored when that differs from how it was read
    /// (one read, at most one write); whether it did.</summary>
    private async Task<(CampaignSwitched Switched, bool Changed)> SwitchAsync(
        string campaignId,
        Func<Campaign, Campaign> change,
        CancellationToken cancellationToken
    )
    {
        var campaign = CampaignValidator.IsValidId(campaignId)
            ? await store.GetAsync(campaignId, cancellationToken)
            : null;
        if (campaign is null or { Archived: true })
        {
            return (
                new CampaignSwitched(
                    campaign is null ? CampaignSwitchOutcome.NotFound : CampaignSwitchOutcome.Archived,
                    campaign
                ),
                false
            );
        }

        if (change(campaign) is var changed && changed == campaign)
        {
            return (new CampaignSwitched(CampaignSwitchOutcome.Done, campaign), false);
        }

        changed = changed with { UpdatedAt = time.GetUtcNow() };
        await store.PutAsync(changed, cancellationToken);
        return (new CampaignSwitched(CampaignSwitchOutcome.Done, changed), true);
    }
}

public enum CampaignSwitchOutcome
{
    Done,
    NotFound,
    Archived,
}

/// <summary>The outcome, and the campaign as it is now (null when unknown).</summary>
public sealed record CampaignSwitched(CampaignSwitchOutcome Outcome, Campaign? Campaign);
