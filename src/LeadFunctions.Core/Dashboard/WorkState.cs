using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Core.Dashboard;

/// <summary>
/// Work that is overdue or failing: storage itself, each queue's backlog and poison, and sends whose outcome is
/// unknown or that SendGrid refused.
/// </summary>
/// <param name="StorageFailure">What storage answered when it could not be read; the queues are then unknown.</param>
/// <param name="UncertainSends">
/// Sends of the campaigns shown that may or may not have gone (<see cref="CampaignMetric.Uncertain"/>).
/// </param>
/// <param name="FailedSends">
/// Sends of the campaigns shown that SendGrid refused for good (<see cref="CampaignMetric.Failed"/>): a rotated key,
/// an unverified sender.
/// </param>
public sealed record WorkState(
    string? StorageFailure,
    IReadOnlyList<QueueLine> Queues,
    long UncertainSends,
    long FailedSends
)
{
    public bool NeedsAttention =>
        StorageFailure is not null
        || UncertainSends > 0
        || FailedSends > 0
        || Queues.Any(q => q.Poisoned > 0 || q.Overdue);
}
