using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Scoring;

namespace LeadFunctions.Core.Engagement;

/// <summary>
/// Records an engagement event under the person's lead id and rescores the lead. An event for
/// someone who is not a lead yet is kept there and counts from the moment they become one.
/// </summary>
public sealed class EngagementProcessor(LeadUpdater updater, ScoringModelSource models, TimeProvider time)
{
    public Task<UpdateOutcome> ProcessAsync(EngagementEvent engagementEvent, CancellationToken cancellationToken) =>
        updater.UpdateAsync(
            engagementEvent.LeadId,
            async snapshot =>
            {
                if (snapshot.Events.Any(e => e.EventId == engagementEvent.EventId))
                {
                    return null;
                }

                if (snapshot.Lead is null)
                {
                    // With the snapshot's version, so that a lead created since the read makes this a conflict.
                    return LeadChange.EventsKept(snapshot.LeadId, snapshot.ETag, engagementEvent);
                }

                var scorer = await models.GetScorerAsync(cancellationToken);
                var now = time.GetUtcNow();
                var (lead, entries) = LeadEvaluator.Evaluate(
                    snapshot.Lead with
                    {
                        UpdatedAt = now,
                    },
                    snapshot.Lead,
                    [.. snapshot.Events, engagementEvent],
                    scorer,
                    now,
                    engagementEvent.EventId
                );
                return LeadChange.Engaged(lead, snapshot.ETag, entries, engagementEvent);
            },
            cancellationToken
        );
}
