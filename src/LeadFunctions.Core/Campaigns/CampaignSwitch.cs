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
    public async Task<CampaignSwitched> PauseAsync(string campaignId, CancellationToken cancellationToken)
    {
        var switched = await SwitchAsync(campaignId, active: false, cancellationToken);
        catalog.Invalidate();
        return switched;
    }

    /// <summary>Pauses a running campaign for the spam brake, saying why; false when it was not running.</summary>
    public async Task<bool> BrakeAsync(string campaignId, SpamBrakeTrip trip, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(campaignId, cancellationToken) is not { Active: true, Archived: false })
        {
            return false;
        }

        var switched = await SwitchAsync(campaignId, active: false, cancellationToken, trip);
        catalog.Invalidate();
        return switched.Outcome == CampaignSwitchOutcome.Done;
    }

    public async Task<CampaignSwitched> ResumeAsync(
        string campaignId,
        MissedSends missed,
        CancellationToken cancellationToken
    )
    {
        var switched = await SwitchAsync(campaignId, active: true, cancellationToken);
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

    /// <summary>The campaign switched; a pause keeps what the spam brake said (a person pausing it again does not erase
    /// why), a resume clears it.</summary>
    private async Task<CampaignSwitched> SwitchAsync(
        string campaignId,
        bool active,
        CancellationToken cancellationToken,
        SpamBrakeTrip? brake = null
    )
    {
        var campaign = CampaignValidator.IsValidId(campaignId)
            ? await store.GetAsync(campaignId, cancellationToken)
            : null;
        if (campaign is null or { Archived: true })
        {
            return new CampaignSwitched(
                campaign is null ? CampaignSwitchOutcome.NotFound : CampaignSwitchOutcome.Archived,
                campaign
            );
        }

        var why = active ? null : brake ?? campaign.SpamBrake;
        if (campaign.Active != active || campaign.SpamBrake != why)
        {
            campaign = campaign with { Active = active, SpamBrake = why, UpdatedAt = time.GetUtcNow() };
            await store.PutAsync(campaign, cancellationToken);
        }

        return new CampaignSwitched(CampaignSwitchOutcome.Done, campaign);
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
