using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Scoring;

namespace LeadFunctions.Core.Engagement;

/// <summary>
/// Records an engagement event under the person's lead id and rescores the lead. An event for
/// someone who is not a lead yet is kept there and counts from the moment they become one.
/// An event the scoring model gives no points (a webinar no-show, by default) changes no score: it is recorded on the
/// lead row read alone, without the person's events, and a repeat is told by the store. The decay since the last
/// score then shows at the nightly rescore, as for any lead with no new events.
/// </summary>
public sealed class EngagementProcessor(LeadUpdater updater, ScoringModelSource models, TimeProvider time)
    : IEngagementRecorder
{
    public async Task<UpdateOutcome> ProcessAsync(EngagementEvent engagementEvent, CancellationToken cancellationToken)
    {
        var scorer = await models.GetScorerAsync(cancellationToken);
        var scored = scorer.Scores(engagementEvent.Type);
        return await updater.UpdateAsync(
            engagementEvent.LeadId,
            snapshot => Task.FromResult(Decide(snapshot, engagementEvent, scored ? scorer : null)),
            cancellationToken,
            leadRowOnly: !scored
        );
    }

    private LeadChange? Decide(LeadSnapshot snapshot, EngagementEvent engagementEvent, LeadScorer? scorer)
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

        var now = time.GetUtcNow();
        var lead = snapshot.Lead with { UpdatedAt = now };
        if (scorer is null)
        {
            return LeadChange.Engaged(lead, snapshot.ETag, [], engagementEvent);
        }

        var (evaluated, entries) = LeadEvaluator.Evaluate(
            lead,
            snapshot.Lead,
            [.. snapshot.Events, engagementEvent],
            scorer,
            now,
            engagementEvent.EventId
        );
        return LeadChange.Engaged(evaluated, snapshot.ETag, entries, engagementEvent);
    }
}
