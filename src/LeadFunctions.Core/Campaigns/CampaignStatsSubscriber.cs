using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// Adds what a saved change counts (<see cref="LeadChange.Counts"/>) to the campaign stats, once: a repeat counts
/// nothing.
/// </summary>
public sealed class CampaignStatsSubscriber(ICampaignStats stats) : ILeadChangeSubscriber
{
    public string Name => LeadChangeSubscribers.CampaignStats;

    public Task AfterSaveAsync(
        LeadUpdater updater,
        LeadSnapshot before,
        LeadChange change,
        CancellationToken cancellationToken
    ) => change.Counts is { Count: > 0 } counts ? stats.AddAsync(counts, cancellationToken) : Task.CompletedTask;
}
