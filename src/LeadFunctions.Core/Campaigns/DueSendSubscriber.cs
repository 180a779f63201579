using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// Indexes a change's due sends (<see cref="LeadChange.Schedule"/>) before each attempt to save it: an entry whose
/// write then fails finds no enrollment and is dropped, so the index never lags the enrollments.
/// </summary>
public sealed class DueSendSubscriber(IDueSendIndex dueSends) : ILeadChangeSubscriber
{
    public string Name => LeadChangeSubscribers.DueSendIndex;

    public Task BeforeSaveAsync(LeadChange change, CancellationToken cancellationToken) =>
        change.Schedule is { Count: > 0 } schedule
            ? dueSends.AddAsync(schedule, cancellationToken)
            : Task.CompletedTask;
}
